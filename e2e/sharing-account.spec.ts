import { signInByEmail } from './fixtures/people';
import { DEMO_PASSWORD, expect, test } from './fixtures/demo';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';

// Omar Farouk is used by no other spec: his account is deleted here.
test('a client deletes their account with their password and is signed out for good', async ({ page }) => {
  await signInByEmail(page, 'omar@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const section = page.getByRole('region', { name: 'Delete my account' });
  await expect(section).toContainText('Session notes your therapist has signed stay with your clinic');

  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(section.getByText('Tick the box to confirm that you understand.')).toBeVisible();

  await section.getByRole('checkbox').check();
  await section.getByLabel('Your password').fill('not my password');
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(section.getByText('That password is not right. Nothing was deleted.')).toBeVisible();
  await expect(section.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');

  await section.getByRole('checkbox').check();
  await section.getByLabel('Your password').fill(DEMO_PASSWORD);
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=account-deleted$/);
  await expect(page.getByRole('status')).toHaveText('Your account and your data have been deleted.');

  expect((await page.goto('/settings'))?.url()).toMatch(/\/sign-in/);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn('omar@demo.tandem.test', DEMO_PASSWORD);
  await expect(signIn.error()).toHaveText(/do not match an account/);
});
