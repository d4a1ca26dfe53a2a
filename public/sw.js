// Tandem's service worker: shows a reminder that arrives by Web Push, and opens its link (which
// records that it was opened) when the person taps it. It caches no page or data: the only thing
// it keeps is the ids (random, meaningless outside Tandem) of the notifications it has shown in
// the last two days, so that a copy resent after a worker crash is never shown a second time.
const SHOWN = 'tandem-shown-notifications';
// A resent copy arrives within the push message's time to live (one day, lib/outreach/push.ts);
// two days leaves room for a device that was off.
const KEEP_SHOWN_MS = 2 * 24 * 60 * 60 * 1000;

const shownKey = (tag) => new Request(`/__shown/${encodeURIComponent(tag)}`);

async function forgetOldShown(cache) {
  const now = Date.now();
  for (const request of await cache.keys()) {
    const entry = await cache.match(request);
    if (!entry || now - Number(await entry.text()) > KEEP_SHOWN_MS) await cache.delete(request);
  }
}

async function showOnce(message) {
  const options = { body: message.body, icon: '/icons/icon-192.png', data: { url: message.url } };
  if (typeof message.tag !== 'string') return self.registration.showNotification(message.title, options);
  // The tag is the notification's id: the worker resends the same id when it cannot know whether
  // the first copy went out. Shown already (even if since dismissed): nothing more to show.
  options.tag = message.tag;
  const cache = await caches.open(SHOWN);
  if (await cache.match(shownKey(message.tag))) return;
  await self.registration.showNotification(message.title, options);
  // Recorded once shown, not before: a worker stopped in between shows a resent copy again (the
  // tag replaces the first if it is still on screen) rather than missing the reminder altogether.
  await cache.put(shownKey(message.tag), new Response(String(Date.now())));
  await forgetOldShown(cache);
}

self.addEventListener('push', (event) => {
  let message = { title: 'Tandem', body: 'How are you doing today?', url: '/check-in' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    // A message without a readable payload still gets the gentle default.
  }
  event.waitUntil(showOnce(message));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(self.clients.openWindow(url));
});
