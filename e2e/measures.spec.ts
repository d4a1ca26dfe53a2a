import { expect, signInAs, test } from './fixtures/demo';
import { MeasurePage } from './pages/measure-page';
import { signInAsClient } from './pages/persona';

test.use({ viewport: { width: 375, height: 812 } });

const notAtAll = 'Not at all';

test('a client answers PHQ-9 item 9 with "Several days", sees crisis resources, and the therapist sees the alert', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'client');
  const measure = new MeasurePage(page);
  await measure.start('PHQ-9');
  await expect(page.getByRole('region', { name: 'Before you start' })).toContainText('your therapist gets an alert');
  await measure.begin('PHQ-9');
  for (let i = 1; i <= 8; i++) {
    await expect(page.getByRole('heading', { level: 1, name: `PHQ-9: question ${i} of 9` })).toBeFocused();
    await measure.answer(notAtAll);
  }
  await expect(page.getByText('Thoughts that you would be better off dead or of hurting yourself in some way')).toBeVisible();
  await measure.answer('Several days');
  await measure.send();
  await expect(measure.crisisResources()).toBeVisible();
  await expect(measure.crisisResources()).toContainText('call your local emergency number');
  await expect(measure.crisisResources()).toContainText(
    'Your therapist has been notified and the clinic aims to reply within one working day',
  );
  await expect(page.getByRole('heading', { name: 'Your PHQ-9 score: 1 (minimal)' })).toBeVisible();
  await expect(page.getByText('A score is a snapshot of the last two weeks, not a diagnosis.')).toBeVisible();

  const therapistContext = await browser.newContext();
  const therapist = await therapistContext.newPage();
  await signInAs(therapist, 'therapist');
  const banner = therapist.getByRole('region', { name: /urgent alert/ });
  await expect(banner).toContainText('PHQ-9 item 9 answered by Riley Chen just now (answer 1 of 3)');
  await therapistContext.close();
});

test('when saving fails, the client still sees the crisis resources and the answers wait on the device', async ({ page }) => {
  await signInAsClient(page, 'noor@demo.tandem.test');
  const measure = new MeasurePage(page);
  await measure.start('PHQ-9');
  await measure.begin('PHQ-9');
  for (let i = 1; i <= 8; i++) await measure.answer(notAtAll);
  await measure.answer('More than half the days');
  await page.route('**/measures/phq9', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await measure.send();
  await expect(page.getByRole('heading', { level: 1, name: 'Your answers are not saved yet' })).toBeVisible();
  await expect(measure.crisisResources()).toContainText('call your local emergency number');
  await expect(page.getByText(/kept on this device and nothing is lost/)).toBeVisible();

  // Leaving and coming back still finds them.
  await page.unroute('**/measures/phq9');
  await page.reload();
  await measure.start('PHQ-9');
  await expect(page.getByRole('heading', { name: 'You have answers that were not sent' })).toBeVisible();
  await page.getByRole('button', { name: 'Send them now' }).click();
  await expect(page.getByRole('heading', { name: 'Your PHQ-9 score: 2 (minimal)' })).toBeVisible();
  await expect(measure.crisisResources()).toContainText(
    'Your therapist has been notified and the clinic aims to reply within one working day',
  );
});

test('GAD-7 can be answered with the keyboard alone', async ({ page }) => {
  await signInAs(page, 'client');
  const measure = new MeasurePage(page);
  await measure.start('GAD-7');
  await page.getByRole('button', { name: 'Start GAD-7' }).focus();
  await page.keyboard.press('Enter');
  for (let i = 1; i <= 7; i++) {
    await expect(page.getByRole('heading', { level: 1, name: `GAD-7: question ${i} of 7` })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'GAD-7: last question' })).toBeFocused();
  await page.getByRole('button', { name: 'Send answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your GAD-7 score: 7 (mild)' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'You do not have to handle this alone' })).toHaveCount(0);
});
