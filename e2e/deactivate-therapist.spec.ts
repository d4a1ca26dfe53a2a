import type { Browser, Page } from '@playwright/test';
import { AcceptInvitationPage, DeactivateTherapistPage, InvitePage, invitationLinkFromOutbox } from './pages/admin-pages';
import { CaseloadPage } from './pages/caseload-page';
import { MeasurePage } from './pages/measure-page';
import { DEMO_PASSWORD, expect, signInAs, test } from './fixtures/demo';
import { signInByEmail } from './fixtures/people';

// A therapist and two clients made here through invitations: Priya Nair and the other demo
// therapists stay as the other journeys expect them.

async function acceptIn(browser: Browser, email: string, name: string): Promise<Page> {
  const link = await invitationLinkFromOutbox(email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await new AcceptInvitationPage(page).accept(name, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/invite\//);
  return page;
}

async function inviteClientOf(page: Page, email: string, therapist: string) {
  await page.goto('/people/invite');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption({ label: 'Client' });
  await page.getByLabel('Their therapist').selectOption({ label: therapist });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation ready' })).toBeVisible();
}

test('deactivating a therapist with clients leads the admin through reassigning them, and their urgent alert follows', async ({
  page,
  browser,
}) => {
  // Three invitations accepted and a questionnaire before the step itself.
  test.slow();
  const stamp = Date.now();
  const therapist = `Dana Whitfield ${stamp}`;
  const [first, second] = [`Ola Brandt ${stamp}`, `Pim Kovacs ${stamp}`];
  await signInAs(page, 'admin');
  await new InvitePage(page).invite(`dana-${stamp}@demo.tandem.test`, 'Therapist');
  await (await acceptIn(browser, `dana-${stamp}@demo.tandem.test`, therapist)).context().close();
  await inviteClientOf(page, `ola-${stamp}@demo.tandem.test`, therapist);
  await inviteClientOf(page, `pim-${stamp}@demo.tandem.test`, therapist);
  await (await acceptIn(browser, `pim-${stamp}@demo.tandem.test`, second)).context().close();

  // One client answers PHQ-9 item 9: the alert waits for their therapist.
  const client = await acceptIn(browser, `ola-${stamp}@demo.tandem.test`, first);
  await expect(client).toHaveURL(/\/welcome$/);
  await client.getByRole('button', { name: 'Save and continue' }).click();
  await expect(client).toHaveURL(/\/check-in$/);
  const measure = new MeasurePage(client);
  await measure.start('PHQ-9');
  await measure.begin('PHQ-9');
  for (let i = 1; i <= 8; i++) await measure.answer('Not at all');
  await measure.answer('Several days');
  await measure.send();
  await expect(measure.crisisResources()).toBeVisible();
  await client.context().close();

  const step = new DeactivateTherapistPage(page);
  await step.start(therapist);
  await expect(step.summary()).toHaveText(new RegExp(`${therapist} has 2 active clients and 1 urgent alert waiting`));
  await expect(page.getByRole('listitem').filter({ hasText: first })).toContainText('1 urgent alert waiting');

  // Half a choice is refused, says what is missing and keeps what was chosen.
  await step.choose(step.therapistFor(first), 'Jordan Okafor');
  await step.reassign();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a new therapist for each client' })).toBeVisible();
  await expect(step.therapistFor(second)).toHaveAttribute('aria-invalid', 'true');
  await expect(step.therapistFor(first).locator('option:checked')).toHaveText(/^Jordan Okafor/);

  await step.choose(step.therapistForEveryone(), 'Priya Nair');
  await step.reassign();
  await expect(page).toHaveURL(/\/people\?done=reassigned$/);
  await expect(page.getByRole('status').filter({ hasText: 'their clients are with their new therapists' })).toBeVisible();
  await page.goto(`/people?q=${encodeURIComponent(therapist)}`);
  await expect(page.getByRole('row', { name: new RegExp(therapist) })).toContainText('Deactivated');

  for (const [email, client] of [
    ['jordan@demo.tandem.test', first],
    ['priya@demo.tandem.test', second],
  ] as const) {
    const context = await browser.newContext();
    const colleague = await context.newPage();
    await signInByEmail(colleague, email, /\/caseload$/);
    const caseload = new CaseloadPage(colleague);
    await caseload.search(client);
    await expect(caseload.row(client)).toBeVisible();
    if (client === first) await expect(colleague.getByRole('region', { name: /urgent alert/ })).toContainText(first);
    await context.close();
  }
});

test('an admin who deactivates Priya Nair is led to reassign her clients first, and nothing changes until they choose', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  const step = new DeactivateTherapistPage(page);
  await step.start('Priya Nair');
  // Other journeys move clients to and from Priya while this runs: one choice per client she has now.
  await expect(step.summary()).toHaveText(/Priya Nair has \d+ active clients/);
  const count = Number((await step.summary().textContent())?.match(/has (\d+) active clients/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await expect(page.getByLabel(/^New therapist for (?!everyone)/)).toHaveCount(count);
  await step.reassign();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a new therapist for each client' })).toBeVisible();
  await page.goto('/people?q=Priya');
  await expect(page.getByRole('row', { name: /Priya Nair/ })).toContainText('Active');
});
