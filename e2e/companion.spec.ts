import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, expect, test } from './fixtures/demo';
import { CheckInPage } from './pages/check-in-page';
import { signInAsClient } from './pages/persona';
import { SharingPage } from './pages/sharing-page';
import { SignInPage } from './pages/sign-in-page';

// Mira Solberg and Nils Berg are Priya Nair's clients, seeded for these journeys only
// (db/seed/companion-demo.ts): a hard last week after better ones, so a low check-in brings up
// the "be gentle with yourself" message.

async function lowCheckInThenCompanion(page: import('@playwright/test').Page) {
  const checkIn = new CheckInPage(page);
  await checkIn.gotoNew();
  await checkIn.choose('How is your mood right now?', 3);
  await checkIn.save();
  await expect(checkIn.confirmation()).toHaveText('Saved. Thank you for checking in.');
  const nudge = page.getByRole('region', { name: 'The last few days look harder than your usual' });
  await expect(nudge).toContainText('Be gentle with yourself');
  await nudge.getByRole('link', { name: 'Talk it through with the companion' }).click();
  await expect(page).toHaveURL(/\/companion\?from=dip$/);
  await page.getByRole('button', { name: 'Start talking' }).click();
  await expect(page.getByRole('listitem').first()).toContainText('not a person and not your therapist');
  await expect(page.getByRole('listitem').first()).toContainText(/harder than your usual|heavier than usual/);
}

/** axe on the page as it stands, with the tags of the accessibility journey (e2e/accessibility.spec.ts). */
async function axeViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function say(page: import('@playwright/test').Page, text: string, expectReply: RegExp) {
  const before = await page.getByRole('list').first().getByRole('listitem').count();
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const items = page.getByRole('list').first().getByRole('listitem');
  await expect(items).toHaveCount(before + 2);
  await expect(items.last()).toContainText(expectReply);
}

test('from the dip message, a client does a thought record with the companion, shares it, and their therapist sees it', async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAsClient(page, 'mira@demo.tandem.test');
  await lowCheckInThenCompanion(page);

  await say(page, 'Can we do a thought record', /the situation/);
  await say(page, 'My manager moved my review without saying why', /went through your mind/);
  await say(page, 'They are going to let me go', /how strong was it/);
  await say(page, 'anxious, 80', /feel true/);
  await say(page, 'The review was moved at short notice', /doesn't quite fit/);
  await say(page, 'Last month she said my work was solid', /more balanced way/);
  await say(page, 'A moved meeting is not a decision about me', /how strong is the feeling now/);
  await say(page, '40', /Saved as a thought record/);
  const saved = page.getByRole('region', { name: 'Saved with the companion' });
  await expect(saved).toContainText('A moved meeting is not a decision about me');
  await expect(saved).toContainText('80/100 → 40/100');
  await page.screenshot({ path: testInfo.outputPath('companion-thought-record-375.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('companion-thought-record-1280.png'), fullPage: true });

  await page.getByRole('link', { name: 'Choose what you share' }).click();
  const sharing = new SharingPage(page);
  await sharing.share('Priya Nair', 'Companion notes');

  const therapist = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const signIn = new SignInPage(therapist);
  await signIn.goto();
  await signIn.signIn('priya@demo.tandem.test', DEMO_PASSWORD);
  await expect(therapist).toHaveURL(/\/caseload$/);
  await therapist.getByRole('link', { name: 'Mira Solberg' }).first().click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Mira Solberg' })).toBeVisible();
  const notes = therapist.getByRole('region', { name: 'Companion notes' });
  await expect(notes).toContainText('They are going to let me go');
  await expect(notes).toContainText('A moved meeting is not a decision about me');
  // Summaries only: the words of the conversation stay with the client.
  await expect(notes).not.toContainText('Conversation shared by the client');
  await expect(therapist.getByRole('region', { name: 'Since last session' })).toContainText('1 thought record');
  await notes.scrollIntoViewIfNeeded();
  await therapist.screenshot({ path: testInfo.outputPath('therapist-companion-notes-1280.png'), fullPage: true });
  await therapist.close();
});

test('an indirect risk sentence mid-conversation brings crisis help at once and the therapist an alert, without the words', async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAsClient(page, 'nils@demo.tandem.test');
  await lowCheckInThenCompanion(page);
  await say(page, 'Work has been grim all week', /\?/);
  await say(page, 'Honestly everyone would be better off without me', /care team/);
  const help = page.getByRole('region', { name: 'You do not have to handle this alone' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('call your local emergency number');
  await expect(help).toContainText('has been notified');
  await page.screenshot({ path: testInfo.outputPath('companion-crisis-375.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('companion-crisis-1280.png'), fullPage: true });
  // No small talk until the client says they want to carry on.
  await say(page, 'ok', /crisis contacts|contacts below/);

  const therapist = await browser.newPage();
  const signIn = new SignInPage(therapist);
  await signIn.goto();
  await signIn.signIn('priya@demo.tandem.test', DEMO_PASSWORD);
  await expect(therapist).toHaveURL(/\/caseload$/);
  await therapist.goto('/alerts');
  const alert = therapist.getByRole('listitem', { name: 'Alert about Nils Berg', exact: true });
  await expect(alert).toContainText('Risk language in a message to the companion');
  await expect(alert).toContainText('feeling a burden to others');
  await expect(alert).not.toContainText('better off');
  await therapist.close();
});

test('after choosing one small thing, a client asks for a reminder tomorrow, finds it in Settings and cancels it', async ({
  page,
}, testInfo) => {
  // Oskar Lind (oskar@) is seeded for this journey only (db/seed/companion-demo.ts).
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAsClient(page, 'oskar@demo.tandem.test');
  await page.goto('/companion');
  await page.getByRole('button', { name: 'Start talking' }).click();
  await expect(page.getByRole('listitem').first()).toContainText('not a person and not your therapist');
  await say(page, 'I need something small to do', /better days/);
  await say(page, 'a short walk', /When today could you do it/);
  await say(page, 'around 5.30pm', /Nothing is sent unless you set it/);

  const offer = page.getByRole('region', { name: /A reminder for “a short walk”/ });
  await expect(offer.getByLabel('At', { exact: true })).toHaveValue('17:30');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('companion-reminder-offer-375.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('companion-reminder-offer-1280.png'), fullPage: true });

  // A time already gone is refused, with the reason beside the field, and nothing is set.
  await offer.getByLabel('Later today').check();
  await offer.getByLabel('At', { exact: true }).fill('00:00');
  await offer.getByRole('button', { name: 'Remind me' }).click();
  await expect(offer.getByText('That time has already passed. Choose a later time, or tomorrow.')).toBeVisible();
  await expect(offer.getByLabel('At', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await offer.getByLabel('Tomorrow').check();
  await offer.getByLabel('At', { exact: true }).fill('08:15');
  await offer.getByRole('button', { name: 'Remind me' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reminder set for' })).toHaveText(
    /Reminder set for \w{3} \d{1,2} \w{3}, 08:15\./,
  );
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Planned with the companion' })).toContainText('a short walk');

  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const planned = page.getByRole('list', { name: 'Planned with the companion' });
  await expect(planned.getByRole('listitem')).toHaveCount(1);
  await expect(planned).toContainText(/08:15 · a short walk/);
  expect(await axeViolations(page)).toEqual([]);
  await planned.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-planned-reminder-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath('settings-planned-reminder-375.png'), fullPage: true });

  await planned.getByRole('button', { name: /^Cancel the reminder for .*08:15$/ }).click();
  await expect(page).toHaveURL(/\/settings\?reminder=cancelled/);
  await expect(page.getByRole('status').filter({ hasText: 'Reminder cancelled' })).toHaveText(
    'Reminder cancelled. Nothing will be sent for it.',
  );
  await expect(page.getByRole('list', { name: 'Planned with the companion' })).toHaveCount(0);
  await expect(page.getByText('None planned.', { exact: false })).toBeVisible();
});
