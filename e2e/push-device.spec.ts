import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures/demo';

// What a device does with Tandem's Web Push messages (public/sw.js), driven through Chromium's
// DevTools protocol, which hands the service worker a push message as a push service would. No
// sign-in is needed: the service worker belongs to the whole site.

async function serviceWorkerOf(page: Page): Promise<{ cdp: CDPSession; registrationId: string; origin: string }> {
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => registrations.some((r) => r.scopeURL === `${origin}/` && !r.isDeleted)).toBe(true);
  const { registrationId } = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted)!;
  return { cdp, registrationId, origin };
}

// Asking Chromium for the shown notifications while the service worker is still showing one can
// drop that one from the answer for good (it was seen losing about one in a hundred), so each check
// first waits until the worker has recorded the notification as shown, which it does once shown.
const recorded = (page: Page, tag: string) =>
  expect
    .poll(() =>
      page.evaluate(async (key) => Boolean(await (await caches.open('tandem-shown-notifications')).match(key)), `/__shown/${tag}`),
    )
    .toBe(true);
const shownTags = (page: Page) =>
  page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.tag));
const dismissAll = (page: Page) =>
  page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));

test('a reminder resent after an interrupted send is shown once, even after the first was dismissed', async ({ page }) => {
  await page.context().grantPermissions(['notifications']);
  await page.goto('/sign-in');
  const { cdp, registrationId, origin } = await serviceWorkerOf(page);
  const push = (tag: string) =>
    cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId,
      data: JSON.stringify({ title: 'Tandem', body: 'How are you doing today?', url: `/api/reminders/${tag}/open`, tag }),
    });
  const first = '2b1f6f5e-0000-4000-8000-000000000001';
  const second = '2b1f6f5e-0000-4000-8000-000000000002';

  await push(first);
  await recorded(page, first);
  await expect.poll(() => shownTags(page)).toEqual([first]);
  await dismissAll(page);
  await expect.poll(() => shownTags(page)).toEqual([]);

  // The same notification again, as a worker resends it when it died before recording the send.
  await push(first);
  // A different reminder still shows: the check below would pass too soon if the resent copy were
  // merely slow, so it waits for this one first.
  await push(second);
  await recorded(page, second);
  await expect.poll(() => shownTags(page)).toEqual([second]);
});
