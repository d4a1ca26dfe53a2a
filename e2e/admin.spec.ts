import { AcceptInvitationPage, AssignPage, AuditLogPage, InvitePage, invitationLinkFromOutbox } from './pages/admin-pages';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, expect, signInAs, test } from './fixtures/demo';
import { signInByEmail, signInWithCode } from './fixtures/people';

test('the admin invites a therapist, who accepts the emailed link in another browser and lands signed in', async ({ page, browser }) => {
  const email = `new-therapist-${Date.now()}@demo.tandem.test`;
  await signInAs(page, 'admin');
  const invite = new InvitePage(page);
  await invite.invite(email, 'Therapist');
  const link = await invitationLinkFromOutbox(email);
  await expect(invite.shownLink()).toHaveValue(link);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Join Riverside Therapy Collective' })).toBeVisible();
  await new AcceptInvitationPage(invitee).accept('Alex Morgan', 'a brand new passphrase');
  await expect(invitee).toHaveURL(/\/caseload$/);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(invitee.getByText('Alex Morgan')).toBeVisible();

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'This invitation has already been used' })).toBeVisible();
  await context.close();

  await page.goto(`/people?q=${encodeURIComponent('Alex Morgan')}`);
  await expect(page.getByRole('row', { name: /Alex Morgan/ })).toContainText('Active');
});

test('a mistyped acceptance keeps the name typed and says what to fix', async ({ page, browser }) => {
  const email = `typo-${Date.now()}@demo.tandem.test`;
  await signInAs(page, 'admin');
  await new InvitePage(page).invite(email, 'Clinic admin');
  const link = await invitationLinkFromOutbox(email);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await invitee.getByLabel('Your name').fill('Casey Tran');
  await invitee.getByLabel('Choose a password').fill('short');
  await invitee.getByLabel('Type it again').fill('short');
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(invitee.getByLabel('Your name')).toHaveValue('Casey Tran');
  await context.close();
});

test('reassigning a client ends the old therapist’s access at once, and the audit log shows it and exports it', async ({
  page,
  browser,
}) => {
  const priyaContext = await browser.newContext();
  const priya = await priyaContext.newPage();
  const signIn = new SignInPage(priya);
  await signIn.goto();
  await signIn.signIn('priya@demo.tandem.test', DEMO_PASSWORD);
  await expect(priya.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(priya.getByRole('row', { name: /Rosa Diaz/ })).toBeVisible();

  await signInAs(page, 'admin');
  const assign = new AssignPage(page);
  await assign.preview(['Rosa Diaz'], 'Jordan Okafor');
  await expect(assign.previewSection()).toContainText('Rosa Diaz: moves from Priya Nair to Jordan Okafor');
  await expect(assign.previewSection()).toContainText('loses access to these clients at once');
  await expect(assign.previewSection()).toContainText('Sharing does not carry over');
  await assign.confirm();
  await expect(page.getByRole('status')).toContainText('1 client was assigned.');

  await priya.reload();
  await expect(priya.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(priya.getByText('Rosa Diaz')).toHaveCount(0);
  await priyaContext.close();

  // Choosing the same again changes nothing, and the history keeps both assignments.
  await assign.preview(['Rosa Diaz'], 'Jordan Okafor');
  await expect(assign.previewSection()).toContainText('Rosa Diaz: already with Jordan Okafor, nothing changes');
  await assign.previewSection().getByRole('link', { name: 'history of Rosa Diaz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rosa Diaz: assignment history' })).toBeVisible();
  const history = page.getByRole('table').getByRole('row');
  await expect(history.nth(1)).toContainText('Jordan Okafor');
  await expect(history.nth(1)).toContainText('Now');
  await expect(history.nth(2)).toContainText('Priya Nair');

  const audit = new AuditLogPage(page);
  await audit.filterToClient('Rosa Diaz');
  await expect(audit.rows().filter({ hasText: 'caseload.reassign' })).toHaveCount(1);
  await expect(audit.rows().filter({ hasText: 'caseload.reassign' })).toContainText('Morgan Lee (admin)');
  const csv = await audit.exportCsv();
  expect(csv.split('\r\n')[0]).toBe('seq,occurred_at_utc,who,role,action,kind_of_data,client,outcome');
  expect(csv).toContain('caseload.reassign');
  expect(
    csv
      .split('\r\n')
      .filter((line) => line && !line.startsWith('seq'))
      .every((line) => line.includes('Rosa Diaz')),
  ).toBe(true);

  await page.reload();
  await expect(audit.rows().filter({ hasText: 'audit_log.export' })).toHaveCount(1);
});

test('the audit log verifies its own chain', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/audit');
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The audit log is intact' })).toBeVisible();
});

test('clinic settings reject bad input without losing it, then save', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/clinic/settings');
  const hours = page.getByLabel('Escalation time (hours)');
  await hours.fill('500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('At most 168 hours (a week).')).toBeVisible();
  await expect(hours).toHaveValue('500');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await hours.fill('24');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

// Harbour Counselling, so the demo clinic's default crisis text stays as other journeys expect it.
test("the admin changes the clinic's crisis text and response time, and a client sees them on their support page", async ({
  page,
  browser,
}) => {
  const text = `Call the Harbour crisis line on 0800 555 0199 (${Date.now()}).`;
  await signInWithCode(page, 'admin@harbour.tandem.test', DEMO_PASSWORD, DEMO_TOTP_SECRET, /\/clinic$/);
  await page.goto('/clinic/settings');
  await page.getByLabel('What clients see when they may be in danger').fill(text);
  const responseTime = page.getByLabel('How soon the clinic replies to an urgent alert');
  await responseTime.fill('   ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Say how soon the clinic replies, like "within one working day".')).toBeVisible();
  await expect(responseTime).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('What clients see when they may be in danger')).toHaveValue(text);
  await responseTime.fill('within four working hours');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const context = await browser.newContext();
  const client = await context.newPage();
  await signInByEmail(client, 'client@harbour.tandem.test', /\/check-in$/);
  await client.goto('/support');
  await expect(client.getByRole('region', { name: 'If you need help now' })).toContainText(text);
  await expect(client.getByText('the clinic aims to reply within four working hours')).toBeVisible();
  await context.close();
});

for (const role of ['therapist', 'client'] as const) {
  test(`a ${role} cannot open any admin page or the export: 404`, async ({ page }) => {
    await signInAs(page, role);
    for (const url of ['/people', '/people/invite', '/caseloads', '/caseloads/assign', '/audit', '/clinic/settings']) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
    }
    const exported = await page.request.get('/audit/export');
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain('seq,');
  });
}
