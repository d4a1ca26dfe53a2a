import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { ClientPage, userIdOf } from './pages/client-page';

// The report is printed by the browser; here Chromium renders it to PDF on both paper sizes and
// poppler's pdfinfo, pdftotext and pdftoppm read it back (the PNG is kept for a person to look at).
const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const firstPageText = (file: string) => execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });

// Gus Lindqvist shares everything with Sam Rivera; no other spec reads him.
test('the therapist prints the pre-session report: one or two pages on A4 and Letter, naming the client, with mood and questionnaires', async ({
  page,
  browser,
}, testInfo) => {
  // Two PDF renders and three poppler runs on top of the page itself.
  test.slow();
  const gusId = await userIdOf(browser, 'gus@demo.tandem.test', /\/check-in$/);
  await signInAs(page, 'therapist');
  const client = new ClientPage(page);
  await client.open(gusId, 'Gus Lindqvist');
  await page.getByRole('link', { name: 'Pre-session report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pre-session report: Gus Lindqvist' })).toBeVisible();
  await expect(page.getByRole('table', { name: /latest questionnaires/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Since last session/ })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = testInfo.outputPath(`report-${format}.pdf`);
    await page.pdf({ path: pdf, format, printBackground: true });
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    const text = firstPageText(pdf);
    expect(text).toContain('Pre-session report: Gus Lindqvist');
    expect(text).toContain('Mood, last 90 days');
    expect(text).not.toContain('Print or save as PDF');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
    const png = pdf.replace(/\.pdf$/, '.png');
    expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.REPORT_PNG_DIR) fs.copyFileSync(png, path.join(process.env.REPORT_PNG_DIR, path.basename(png)));
  }
});

test('the report holds nothing the client does not share, and is 404 to a therapist the client is not assigned to', async ({
  page,
  browser,
}) => {
  const farahId = await userIdOf(browser, 'farah@demo.tandem.test', /\/(check-in|welcome)$/);
  await signInAs(page, 'therapist');
  await page.goto(`/report/${farahId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pre-session report: Farah Aziz' })).toBeVisible();
  await expect(page.getByText('Not shared with you: check-ins.')).toBeVisible();
  await expect(page.getByText('Not shared with you: questionnaires.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.context().clearCookies();
  await signInByEmail(page, 'priya@demo.tandem.test', /\/caseload$/);
  const response = await page.goto(`/report/${farahId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Farah Aziz')).toHaveCount(0);
});

test('a client prints a summary of their own to take to a GP', async ({ page }, testInfo) => {
  test.slow();
  await signInByEmail(page, 'pia@demo.tandem.test', /\/check-in$/);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'A summary to take to your doctor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How I have been: Pia Larsen' })).toBeVisible();
  await expect(page.getByRole('table', { name: /questionnaire scores/ })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('summary-A4.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
  const text = firstPageText(pdf);
  expect(text).toContain('How I have been: Pia Larsen');
  expect(text).toContain('Questionnaires');
  expect(text).not.toMatch(/Print or save as PDF|Sign out/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  if (process.env.REPORT_PNG_DIR) fs.copyFileSync(pdf.replace(/\.pdf$/, '.png'), path.join(process.env.REPORT_PNG_DIR, 'summary-A4.png'));
});
