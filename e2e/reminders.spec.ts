import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { ClientPage, userIdOf } from './pages/client-page';
import { SettingsPage } from './pages/settings-page';

// Jack Turner (jack@) turns reminders on here; no other spec uses him. Ana Souza and Kai
// Moreno have reminders and delivery history from the demo seed (db/seed/outreach.ts); Kai's
// push notifications have been failing for three days.

test('a client turns on daily reminders, at their own times and days, and sees them kept and listed', async ({ page }) => {
  await signInByEmail(page, 'jack@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByText('No reminders have been sent yet.')).toBeVisible();

  await reminders.getByLabel('Remind me to check in each day').check();
  await reminders.getByLabel('At', { exact: true }).fill('07:15');
  await reminders.getByLabel(/And also at/).fill('07:15');
  await reminders.getByRole('button', { name: 'Save reminders' }).click();
  await expect(reminders.getByText('Choose a different time from the first, or leave it empty.')).toBeVisible();
  await expect(reminders.getByLabel(/And also at/)).toHaveAttribute('aria-invalid', 'true');

  await reminders.getByLabel(/And also at/).fill('21:30');
  await reminders.getByLabel('Sunday').uncheck();
  await reminders.getByLabel(/gentle reminder later to breathe/).check();
  await reminders.getByRole('button', { name: 'Save reminders' }).click();
  await expect(reminders.getByRole('status')).toHaveText('Your reminder settings are saved.');

  await page.reload();
  const saved = page.getByRole('region', { name: 'Reminders' });
  await expect(saved.getByLabel('Remind me to check in each day')).toBeChecked();
  await expect(saved.getByLabel('At', { exact: true })).toHaveValue('07:15');
  await expect(saved.getByLabel(/And also at/)).toHaveValue('21:30');
  await expect(saved.getByLabel('Sunday')).not.toBeChecked();
  await expect(saved.getByLabel('Monday')).toBeChecked();
  await expect(saved.getByLabel(/gentle reminder later to breathe/)).toBeChecked();
});

test('a client sees the reminders Tandem sent them and what became of each', async ({ page }) => {
  await signInByEmail(page, 'ana@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const sent = page.getByRole('list', { name: 'Recent reminders' }).getByRole('listitem');
  // The seed's history is the four days before today, newest first. Ana's reminder is at 20:00 in
  // Lisbon, so when the suite is running as that minute comes the demo worker sends today's too:
  // it is newer and listed above the seeded four, which end the list.
  const seeded = [/Sent as email$/, /Sent as email · opened$/, /Sent as note in Tandem$/, /Sent as note in Tandem · opened$/];
  for (const [i, outcome] of seeded.entries()) {
    const row = sent.nth(i - seeded.length);
    await expect(row).toContainText('Check-in reminder');
    await expect(row).toHaveText(outcome);
  }
});

test('the therapist sees whether a client’s reminders are on and reaching them, beside what they share', async ({ page, browser }) => {
  const anaId = await userIdOf(browser, 'ana@demo.tandem.test', /\/check-in$/);
  await signInAs(page, 'therapist');
  const client = new ClientPage(page);
  await client.open(anaId, 'Ana Souza');
  await expect(page.getByTestId('reminder-health')).toHaveText(/Reminders on · last delivered/);
});

test('the therapist sees that a client’s push notifications are failing and email has taken over', async ({ page, browser }) => {
  const kaiId = await userIdOf(browser, 'kai@demo.tandem.test', /\/check-in$/);
  await signInByEmail(page, 'jordan@demo.tandem.test', /\/caseload$/);
  const client = new ClientPage(page);
  await client.open(kaiId, 'Kai Moreno');
  await expect(page.getByTestId('reminder-health')).toHaveText(/Push failing since .+, emailing instead/);
});
