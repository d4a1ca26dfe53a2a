import type { Browser } from '@playwright/test';
import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { AcceptInvitationPage, InvitePage } from './pages/admin-pages';
import { AppHeader } from './pages/app-header';

// The demo clinic's crisis text and response time are the defaults (admin.spec changes Harbour's).
const CLINIC_RESOURCES = 'call your local emergency number now';
const RESPONSE_TIME = 'the clinic aims to reply within one working day';

/** A client invited just now, assigned to Priya Nair, signed in on the first-run screen at `width`. */
async function newClientOnWelcome(browser: Browser, width: number) {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, 'admin');
  const invite = new InvitePage(admin);
  await invite.invite(`new-client-${width}-${Date.now()}@example.test`, 'Client', 'Priya Nair');
  const link = await invite.shownLink().inputValue();
  await adminContext.close();

  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await new AcceptInvitationPage(page).accept('Alex Kim', 'a brand new passphrase');
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alex' })).toBeVisible();
  return { page, context };
}

for (const width of [375, 1280]) {
  test(`a new client on the first-run screen reaches crisis help in one tap at ${width} px`, async ({ browser }) => {
    // Two sign-ins and an invitation accepted (each hashing a password): slow on a busy machine.
    test.slow();
    const { page, context } = await newClientOnWelcome(browser, width);
    const header = new AppHeader(page);
    await expect(header.helpLink()).toBeInViewport();
    await header.helpLink().click();

    await expect(page).toHaveURL(/\/support$/);
    await expect(page.getByRole('region', { name: 'If you need help now' })).toContainText(CLINIC_RESOURCES);
    await expect(page.getByText(RESPONSE_TIME)).toBeVisible();
    expect(await header.pageWidth()).toBeLessThanOrEqual(width);
    // Choices still to make: the way back is to the welcome screen, not links that lead there.
    await page.goto('/check-in');
    await expect(page).toHaveURL(/\/welcome$/);
    await context.close();
  });
}

test('at 320 px the client’s header fits, help stays visible and the menu opens, closes and navigates', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signInAs(page, 'client');
  const header = new AppHeader(page);
  expect(await header.pageWidth()).toBeLessThanOrEqual(320);
  await expect(header.helpLink()).toBeInViewport();
  await expect(header.mainNav()).toBeHidden();

  await expect(header.menuButton()).toHaveAttribute('aria-expanded', 'false');
  await header.menuButton().click();
  await expect(header.menuButton()).toHaveAttribute('aria-expanded', 'true');
  await expect(header.mainNav().getByRole('link', { name: 'Check-in' })).toHaveAttribute('aria-current', 'page');
  expect(await header.pageWidth()).toBeLessThanOrEqual(320);
  await page.keyboard.press('Escape');
  await expect(header.mainNav()).toBeHidden();
  await expect(header.menuButton()).toBeFocused();

  await page.keyboard.press('Enter');
  await header.mainNav().getByRole('link', { name: 'Sharing' }).click();
  await expect(page).toHaveURL(/\/sharing$/);
  await expect(header.mainNav()).toBeHidden();
  await expect(header.helpLink()).toBeInViewport();
  for (const path of ['/journal', '/measures', '/history', '/settings', '/support']) {
    await page.goto(path);
    expect(await header.pageWidth(), path).toBeLessThanOrEqual(320);
  }
  await context.close();
});

for (const [role, path] of [
  ['therapist', '/caseload'],
  ['admin', '/clinic'],
] as const) {
  test(`the ${role}'s header and ${path} fit 320 px too, with no client help link`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInAs(page, role);
    await page.goto(path);
    const header = new AppHeader(page);
    expect(await header.pageWidth()).toBeLessThanOrEqual(320);
    await expect(header.helpLink()).toHaveCount(0);
    await header.menuButton().click();
    await expect(header.mainNav()).toBeVisible();
    expect(await header.pageWidth()).toBeLessThanOrEqual(320);
    await context.close();
  });
}

test('a missing page offers crisis help to a client, and the sign-in page offers general help', async ({ page, browser }) => {
  await signInByEmail(page, 'client@demo.tandem.test', /\/check-in$/);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await page.getByRole('complementary', { name: 'Need help now?' }).getByRole('link', { name: 'Get help now' }).click();
  await expect(page.getByRole('region', { name: 'If you need help now' })).toContainText(CLINIC_RESOURCES);

  const signedOut = await browser.newPage();
  await signedOut.goto('/sign-in');
  await expect(signedOut.getByRole('complementary', { name: 'Need help now?' })).toContainText('call your local emergency number now');
  await signedOut.close();
});
