import { expect, signInAs, test } from './fixtures/demo';

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
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Your entry')).toHaveValue('Walked by the river after work. Then the rain came.');
  await expect(page.getByRole('region', { name: 'Earlier entries' })).toContainText('Walked by the river after work. Then the rain came.');
});
