import { DEMO_PASSWORD, expect, test } from './fixtures/demo';
import { CheckInPage } from './pages/check-in-page';
import { signInAsClient } from './pages/persona';
import { SignInPage } from './pages/sign-in-page';

// Kai Moreno is Jordan Okafor's client in the demo clinic; no other journey touches them.
const NOTE = 'Honestly everyone would be better off if I just wasnt around anymore';

test('an indirect risk sentence in a check-in note brings crisis help at once, and the therapist an alert that links to the client', async ({
  page,
  browser,
}) => {
  await signInAsClient(page, 'kai@demo.tandem.test');
  const checkIn = new CheckInPage(page);
  await checkIn.gotoNew();
  await checkIn.choose('How is your mood right now?', 3);
  await checkIn.openMore();
  await page.getByLabel('A short note').fill(NOTE);
  await checkIn.save();
  await expect(checkIn.confirmation()).toHaveText('Saved. Thank you for checking in.');
  const help = page.getByRole('region', { name: 'You do not have to handle this alone' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('call your local emergency number now');

  const therapist = await browser.newPage();
  const signIn = new SignInPage(therapist);
  await signIn.goto();
  await signIn.signIn('jordan@demo.tandem.test', DEMO_PASSWORD);
  await expect(therapist).toHaveURL(/\/caseload$/);
  await therapist.goto('/alerts');
  const alert = therapist.getByRole('listitem', { name: 'Alert about Kai Moreno', exact: true });
  await expect(alert).toContainText('Risk language in a check-in note');
  await expect(alert).not.toContainText('better off');
  await expect(alert).toContainText('The clinic admin is told in');
  await alert.getByRole('link', { name: 'Kai Moreno' }).click();
  await expect(therapist).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  await expect(therapist.getByRole('heading', { level: 1, name: 'Kai Moreno' })).toBeVisible();
  await therapist.close();
});
