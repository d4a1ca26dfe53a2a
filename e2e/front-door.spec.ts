import { generate } from 'otplib';
import type { Page } from '@playwright/test';
import { AcceptInvitationPage, InvitePage, invitationLinkFromOutbox } from './pages/admin-pages';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, expect, signInAs, test } from './fixtures/demo';
import { nextTotpCode, signInWithCode } from './fixtures/people';

// With E2E_SCREENSHOTS=<folder>, the new pages are saved at a phone's and a desktop's width.
async function screenshot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
}

// Each journey signs in several people, and the throttling one waits out its own delays.
test.describe.configure({ timeout: 150_000 });

test('a new therapist sets up two-factor, signs out for good, and signs in again with a code', async ({ page, browser }) => {
  const email = `two-factor-${Date.now()}@demo.tandem.test`;
  const password = 'copper kettle autumn lantern';
  await signInAs(page, 'admin');
  await new InvitePage(page).invite(email, 'Therapist');
  const link = await invitationLinkFromOutbox(email);

  const context = await browser.newContext();
  const therapist = await context.newPage();
  await therapist.goto(link);
  // A common password is refused with a plain reason, whatever its length.
  await new AcceptInvitationPage(therapist).accept('Robin Vale', 'password1234');
  await expect(therapist.getByText('This is too close to a commonly used password.', { exact: false })).toBeVisible();
  await new AcceptInvitationPage(therapist).accept('Robin Vale', password);
  await expect(therapist).toHaveURL(/\/caseload$/);

  // Riverside leaves two-factor optional: a banner invites staff to set it up.
  await therapist.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
  await expect(therapist.getByRole('img', { name: /QR code holding your Tandem key/ })).toBeVisible();
  await screenshot(therapist, 'two-factor-setup');
  const secret = (await therapist.getByTestId('manual-key').innerText()).replace(/\s/g, '');
  await therapist.getByLabel('Code from the app').fill('000000');
  await therapist.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(therapist.getByRole('alert').filter({ hasText: 'That code did not match' })).toBeVisible();
  await therapist.getByLabel('Code from the app').fill(await generate({ secret }));
  await therapist.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const backupCodes = therapist.getByRole('list', { name: 'Backup codes' }).getByRole('listitem');
  await expect(backupCodes).toHaveCount(10);
  await screenshot(therapist, 'two-factor-backup-codes');
  await therapist.getByRole('link', { name: 'I have saved them, continue' }).click();
  await expect(therapist).toHaveURL(/\/caseload$/);
  await expect(therapist.getByRole('link', { name: 'Set up two-factor sign-in' })).toHaveCount(0);

  // Signing out ends the session on the server: the old cookie no longer answers.
  const oldCookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(oldCookie).toBeDefined();
  await therapist.getByRole('button', { name: 'Sign out' }).click();
  await expect(therapist).toHaveURL(/\/sign-in\?reason=signed-out$/);
  const replay = await browser.newContext();
  await replay.addCookies([{ ...(oldCookie as NonNullable<typeof oldCookie>) }]);
  expect(await (await replay.request.get('/api/auth/session')).json()).toEqual({});
  const replayPage = await replay.newPage();
  await replayPage.goto('/caseload');
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await replay.close();

  // Signing in again asks for a code after the password; a wrong one is refused.
  const signIn = new SignInPage(therapist);
  await signIn.signIn(email, password);
  await expect(therapist.getByLabel('Code from your authenticator app')).toBeVisible();
  await screenshot(therapist, 'sign-in-code');
  await signIn.enterCode('000000');
  await expect(signIn.error()).toHaveText('That code did not work. Enter the current code from your app, or one of your backup codes.');
  await signIn.enterCode(await nextTotpCode(secret));
  await expect(therapist).toHaveURL(/\/caseload$/);

  // The account page lists the session, and shows two-factor on.
  await therapist.goto('/account');
  await expect(therapist.getByText('This device')).toBeVisible();
  await expect(therapist.getByText(/On\. Signing in asks for a code/)).toBeVisible();
  await screenshot(therapist, 'account');
  await context.close();
});

test('repeated wrong passwords slow sign-in down, even with the right password, and the admin sees them', async ({ page, browser }) => {
  const email = 'wren@harbour.tandem.test';
  const signIn = new SignInPage(page);
  await signIn.goto();
  let failures = 0;
  while (failures < 6) {
    await signIn.signIn(email, 'not the right password');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    const message = (await signIn.error().innerText()).trim();
    const wait = /Please wait (\d+) seconds?/.exec(message);
    if (wait) {
      // The delay from the previous failure: wait it out (this is the throttle working).
      await page.waitForTimeout(Number(wait[1]) * 1000 + 300);
      continue;
    }
    expect(message).toBe('That email and password do not match an account. Check them and try again.');
    failures += 1;
  }
  await signIn.signIn(email, DEMO_PASSWORD);
  await expect(signIn.error()).toHaveText(/^Too many attempts\. Please wait [1-4] seconds? and try again\.$/);
  await screenshot(page, 'sign-in-throttled');
  await page.waitForTimeout(4_500);
  await signIn.signIn(email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/check-in$/);

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInWithCode(admin, 'admin@harbour.tandem.test', DEMO_PASSWORD, DEMO_TOTP_SECRET, /\/clinic$/);
  await admin.goto('/audit');
  const failuresPanel = admin.getByRole('region', { name: 'Repeated failed sign-ins (last 24 hours)' });
  await expect(failuresPanel).toContainText('Wren Hall');
  await expect(failuresPanel).toContainText('slowed down by Tandem');
  await context.close();
});
