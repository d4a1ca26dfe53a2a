import { expect, signInAs, test } from './fixtures/demo';
import { signInAsClient } from './pages/persona';

test.use({ viewport: { width: 375, height: 812 } });

test('the journal autosaves, keeps words on the device while offline, and saves them when back online', async ({ page, context }) => {
  await signInAs(page, 'client');
  await page.goto('/journal');
  await expect(page.getByRole('region', { name: 'One thing to know' })).toContainText('your therapist gets an alert');
  const editor = page.getByLabel('New entry');
  await editor.fill('Walked by the river after work.');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  await context.setOffline(true);
  await page.getByLabel('Your entry').pressSequentially(' Then the rain came.');
  await expect(page.getByText(/Not connected\. Your words are kept on this device/)).toBeVisible();

  // Leaving the page before Tandem can be reached again: the words come back from the device.
  await page.route('**/journal', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByLabel('Your entry')).toHaveValue('Walked by the river after work. Then the rain came.');
  await page.unroute('**/journal');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // Saved, the words live encrypted in Tandem and no longer on the device.
  expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('tandem.journal-draft')))).toEqual([]);
  await page.reload();
  await expect(page.getByLabel('New entry')).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Earlier entries' })).toContainText('Walked by the river after work. Then the rain came.');
});

test('crisis words in the journal show the clinic’s crisis resources at once', async ({ page }) => {
  await signInAsClient(page, 'ben@demo.tandem.test');
  await page.goto('/journal');
  await page.getByLabel('New entry').fill('Some nights I want to die.');
  await expect(page.getByRole('region', { name: 'You do not have to handle this alone' })).toContainText(
    'call your local emergency number',
  );
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
});
