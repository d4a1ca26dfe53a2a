// Tandem's service worker: shows a reminder that arrives by Web Push, and opens its link (which
// records that it was opened) when the person taps it. It caches nothing: a client's data never
// sits in the browser's caches.
self.addEventListener('push', (event) => {
  let message = { title: 'Tandem', body: 'How are you doing today?', url: '/check-in' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // A message without a readable payload still gets the gentle default.
  }
  // The tag is the notification's id: a copy resent after a worker crash replaces the first.
  const options = { body: message.body, icon: '/icons/icon-192.png', data: { url: message.url } };
  if (typeof message.tag === 'string') options.tag = message.tag;
  event.waitUntil(self.registration.showNotification(message.title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(self.clients.openWindow(url));
});
