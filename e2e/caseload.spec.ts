import { expect, signInAs, test } from './fixtures/demo';
import { CaseloadPage } from './pages/caseload-page';

test('search, filters, order and pages live in the URL, and the back button restores each view', async ({ page }) => {
  await signInAs(page, 'therapist');
  const caseload = new CaseloadPage(page);
  const all = await caseload.names();
  expect(all.length).toBeGreaterThan(10);

  await caseload.search('riley');
  await expect(page).toHaveURL(/\/caseload\?q=riley/);
  await expect(caseload.rows()).toHaveCount(1);
  await expect(caseload.row('Riley Chen')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
  await caseload.filter('New signals').check();
  await caseload.apply();
  await expect(page).toHaveURL(/signals=1/);
  await expect(caseload.row('Jamie Park')).toBeVisible();
  for (const cell of await caseload.rows().locator('td:nth-child(7)').allInnerTexts()) expect(cell).not.toBe('None');

  await page.goBack();
  await expect(page).toHaveURL(/\/caseload\?q=riley/);
  await expect(caseload.rows()).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('riley');

  await caseload.goto();
  await caseload.sortBy('Client');
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const ascending = await caseload.names();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await caseload.sortBy('Client');
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(() => caseload.names()).toEqual([...ascending].reverse());
  await page.goBack();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect.poll(() => caseload.names()).toEqual(ascending);

  await caseload.goto('?sort=name&size=10');
  await expect(caseload.rows()).toHaveCount(10);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(() => caseload.names()).toEqual(ascending.slice(10, 20));
  await page.goBack();
  await expect(page).toHaveURL(/sort=name&size=10$/);
  await expect.poll(() => caseload.names()).toEqual(ascending.slice(0, 10));
});

test('a filter nobody matches says so and offers to clear it; bad parameters fall back to the defaults', async ({ page }) => {
  await signInAs(page, 'therapist');
  const caseload = new CaseloadPage(page);
  await caseload.goto('?q=nobody-by-this-name');
  await expect(page.getByText('No clients match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(caseload.rows().first()).toBeVisible();

  await caseload.goto('?sort=nonsense&page=-4&band=awful&size=3');
  await expect(caseload.rows()).not.toHaveCount(0);
  await expect(page.getByLabel('Order')).toHaveValue('attention');
});

for (const role of ['client', 'admin'] as const) {
  test(`the caseload answers 404 to a signed-in ${role}`, async ({ page }) => {
    await signInAs(page, role);
    expect((await page.goto('/caseload'))?.status()).toBe(404);
  });
}
