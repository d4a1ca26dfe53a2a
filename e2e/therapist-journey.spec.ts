import { expect, signInAs, test } from './fixtures/demo';
import { CaseloadPage } from './pages/caseload-page';
import { ClientPage } from './pages/client-page';

// Ten minutes between sessions: from the caseload's default order to the declining client's
// timeline, and the decline signal accepted into the care plan. Riley Chen's decline signal is
// this spec's alone (other specs must not review it); the note is e2e/notes.spec.ts.
test('the therapist finds the declining client first, reads the timeline and accepts the decline into the care plan', async ({ page }) => {
  await signInAs(page, 'therapist');
  const caseload = new CaseloadPage(page);
  const names = await caseload.names();
  expect(names.indexOf('Riley Chen')).toBeGreaterThanOrEqual(0);
  expect(names.indexOf('Riley Chen')).toBeLessThan(3);
  await expect(caseload.reasons('Riley Chen')).toContainText('New signal: mood declining');
  // What a client does not share is said plainly, with nothing behind it.
  await expect(caseload.row('Farah Aziz')).toContainText('Not shared');
  await expect(caseload.row('Farah Aziz').getByRole('img', { name: 'Check-ins: not shared' })).toBeVisible();
  await expect(caseload.row('Riley Chen').getByRole('img', { name: 'Check-ins: shared' })).toBeVisible();
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.screenshot({ path: test.info().outputPath(`caseload-${width}.png`), fullPage: true });
  }

  await caseload.row('Riley Chen').getByRole('link', { name: 'Riley Chen' }).click();
  await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  const rileyId = new URL(page.url()).pathname.split('/').at(-1) as string;
  const client = new ClientPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Riley Chen' })).toBeVisible();
  await expect(client.timeline().locator('canvas').first()).toHaveAttribute('aria-label', /Mood was logged on \d+ of the 90 days/);
  await expect(client.timelineSummary()).toContainText('The 7-day mean went from');
  await expect(page.getByRole('region', { name: 'Since last session' })).toContainText('Since the last session on');
  await client.timeline().getByText('Table view').click();
  // Built in the browser from the chart's data: days newest first, with Riley's fortnightly signed sessions.
  const table = client.timeline().getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader').first()).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(table.getByRole('cell', { name: 'Signed note' }).first()).toBeVisible();
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1200 });
    await page.screenshot({ path: test.info().outputPath(`client-page-${width}.png`), fullPage: true });
  }

  const decline = /declin/i;
  await expect(client.signal(decline).first()).toContainText('Evidence');
  await client.acceptIntoCarePlan(decline, 'Low mood, declining over the last weeks');
  await expect(client.reviewHistory().getByRole('listitem').first()).toContainText(/Accepted by Sam Rivera/);
  await expect(page.getByRole('article', { name: decline }).filter({ hasText: 'Cited in the care plan' })).toHaveCount(1);

  await client.openCarePlan();
  const current = page.getByRole('region', { name: 'Current plan' });
  await expect(current).toContainText('Low mood, declining over the last weeks');
  await expect(current).toContainText('saved by Sam Rivera');
  const evidence = current.getByRole('link', { name: /^Signal: .*declin/i });
  await expect(evidence).toBeVisible();
  await expect(page.getByRole('region', { name: 'Version history' })).toContainText(
    'Added problem “Low mood, declining over the last weeks”',
  );
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.screenshot({ path: test.info().outputPath('care-plan-1280.png'), fullPage: true });

  await evidence.click();
  await expect(page).toHaveURL(new RegExp(`/clients/${rileyId}#signal-`));

  // Accepted is reviewed: the caseload no longer calls it new.
  await caseload.goto();
  await expect(caseload.reasons('Riley Chen')).not.toContainText('New signal: mood declining');
});
