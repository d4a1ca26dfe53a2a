import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { SharingPage } from './pages/sharing-page';

// The welcome page defaults to the browser's time zone.
test.use({ timezoneId: 'America/Toronto' });

// Ben Okoro shares everything with Sam Rivera (the demo therapist); Sami Virtanen, assigned to
// Priya Nair, has never chosen anything. Other specs leave both alone.
test('a client stops sharing check-ins and their therapist’s next request no longer sees them', async ({ page, browser }) => {
  const therapistContext = await browser.newContext();
  const therapistPage = await therapistContext.newPage();
  await signInAs(therapistPage, 'therapist');
  const benRow = therapistPage.getByRole('row', { name: /Ben Okoro/ });
  const sharedIcon = (label: string) => benRow.getByRole('img', { name: label, exact: true });
  for (const scope of ['Check-ins', 'Journal', 'Questionnaires']) await expect(sharedIcon(`${scope}: shared`)).toBeVisible();

  await signInByEmail(page, 'ben@demo.tandem.test', /\/check-in$/);
  const sharing = new SharingPage(page);
  await sharing.goto();
  await expect(sharing.scope('Sam Rivera', 'Check-ins')).toContainText('Shared since');
  await sharing.stopSharing('Sam Rivera', 'Check-ins');
  await expect(sharing.history().getByRole('listitem').first()).toHaveText(/Stopped sharing check-ins with Sam Rivera\./);

  await therapistPage.reload();
  await expect(sharedIcon('Check-ins: not shared')).toBeVisible();
  for (const scope of ['Journal', 'Questionnaires']) await expect(sharedIcon(`${scope}: shared`)).toBeVisible();
  await expect(benRow.getByRole('cell', { name: 'Not shared' }).first()).toBeVisible();

  // Sharing again restores it.
  await sharing.share('Sam Rivera', 'Check-ins');
  await therapistPage.reload();
  await expect(sharedIcon('Check-ins: shared')).toBeVisible();
  await therapistContext.close();
});

test('a client who never chose lands on the welcome page and chooses what to share', async ({ page }) => {
  await signInByEmail(page, 'sami@demo.tandem.test', /\/welcome$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Sami' })).toBeVisible();
  await expect(page.getByText(/One thing is always shared/)).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Toronto');
  const priya = page.getByRole('group', { name: 'What to share with Priya Nair' });
  await priya.getByRole('checkbox', { name: /Check-ins/ }).check();
  await priya.getByRole('checkbox', { name: /Questionnaires/ }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page).toHaveURL(/\/check-in$/);

  const sharing = new SharingPage(page);
  await sharing.goto();
  await expect(sharing.scope('Priya Nair', 'Check-ins')).toContainText('Shared since');
  await expect(sharing.scope('Priya Nair', 'Journal')).toContainText('Not shared.');
  await expect(sharing.scope('Priya Nair', 'Questionnaires')).toContainText('Shared since');
  // Done once: the client area opens directly from now on.
  await page.goto('/history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
});
