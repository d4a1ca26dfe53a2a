import { expect, signInAs, test } from './fixtures/demo';

test('the therapist acknowledges the item-9 alert with what they did, and it leaves the waiting list', async ({ page }) => {
  await signInAs(page, 'therapist');
  await page.getByRole('link', { name: 'Review and acknowledge' }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  const alert = page.getByRole('listitem', { name: 'Alert about Jamie Park', exact: true });
  await expect(alert).toContainText('Answered PHQ-9 item 9');

  await alert.getByRole('radio', { name: 'Something else' }).check();
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert.getByText('Say in a few words what you did.')).toBeVisible();

  await alert.getByRole('radio', { name: 'Contacted the client' }).check();
  await alert.getByRole('textbox', { name: /^Note/ }).fill('Called Jamie; agreed to bring the session forward.');
  await alert.getByRole('button', { name: 'Acknowledge' }).click();

  await expect(page.getByRole('listitem', { name: 'Alert about Jamie Park', exact: true })).toHaveCount(0);
  const done = page.getByRole('listitem', { name: 'Acknowledged alert about Jamie Park' });
  await expect(done).toContainText('Contacted the client: Called Jamie; agreed to bring the session forward. — Sam Rivera');
});

test('a client cannot open the alerts inbox: 404', async ({ page }) => {
  await signInAs(page, 'client');
  const response = await page.goto('/alerts');
  expect(response?.status()).toBe(404);
});
