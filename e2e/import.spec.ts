import fs from 'node:fs';
import path from 'node:path';
import { signInByEmail } from './fixtures/people';
import { expect, test } from './fixtures/demo';
import { SettingsPage } from './pages/settings-page';

// The shared Daylio sample (MichaelCurrin/daylio-csv-parser, MIT), read in place.
const SAMPLE = path.resolve('../shared/data/daylio/sample_multiple_moods.csv');
const IMOODJOURNAL = path.resolve('lib/import/test-data/imoodjournal.csv');

// Marco Rossi's history is used by no other spec.
test('a client imports a Daylio export, sees it in history, re-imports it to no effect and exports it as JSON', async ({ page }) => {
  await signInByEmail(page, 'marco@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();

  await settings.chooseImportFile(SAMPLE);
  await expect(page.getByText(/The file holds 7 entries from 21 July 2020 to 12 May 2021/)).toBeVisible();
  // Daylio's own labels come pre-mapped; custom ones wait for the person.
  await expect(page.getByLabel(/^good \(/)).toHaveValue('8');
  await expect(page.getByLabel(/^OK \(/)).toHaveValue('');
  await settings.confirmImport();
  await expect(settings.importError()).toHaveText('Choose a mood from 1 to 10 for "OK", "Refreshed", "ok but sleepy" and "Anxious".');
  for (const [label, mood] of [
    ['OK', 6],
    ['Refreshed', 8],
    ['ok but sleepy', 5],
    ['Anxious', 3],
  ] as const)
    await settings.mapMood(label, mood);
  await settings.confirmImport();
  await expect(page.getByRole('status')).toContainText('Imported 7 check-ins.');

  await page.getByRole('link', { name: 'See them in your history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByText('You checked in on 5 of the 365 days.', { exact: false }).first()).toBeVisible();
  await page.getByText('Show the numbers as a table').click();
  await expect(page.getByRole('row', { name: /Mon 31 Aug 2020 8/ })).toBeVisible();

  // The same file again is recognised before anything is imported.
  await settings.goto();
  await settings.chooseImportFile(SAMPLE);
  await expect(page.getByRole('status')).toContainText('You imported this file before: all 7 entries are already in Tandem');
  await expect(settings.importButton()).toHaveCount(0);

  await settings.goto();
  const download = await settings.downloadJson();
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
    checkIns: { localDate: string; mood: number; tags: string[]; source: string }[];
  };
  expect(exported.checkIns).toContainEqual(
    expect.objectContaining({ localDate: '2020-08-31', mood: 8, tags: ['Sleeping'], source: 'daylio_import' }),
  );
  expect(exported.checkIns.filter((c) => c.source === 'daylio_import')).toHaveLength(7);
});

// Omar Farouk's history is used by no other spec.
test('a client imports an iMoodJournal export and sees it in history; a Spanish Daylio file is recognised again without its header line', async ({
  page,
}) => {
  await signInByEmail(page, 'omar@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseImportFile(IMOODJOURNAL);
  await expect(
    page.getByText(/The file holds 3 entries from 5 September 2015 to 6 September 2015\. It is an iMoodJournal export/),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: /How does each mood translate/ })).toHaveCount(0);
  await settings.confirmImport();
  await expect(page.getByRole('status')).toContainText('Imported 3 check-ins.');

  await page.getByRole('link', { name: 'See them in your history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await page.getByText('Show the numbers as a table').click();
  await expect(page.getByRole('row', { name: /Sat 5 Sep 2015 7/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sun 6 Sep 2015 4/ })).toBeVisible();

  // The same Daylio entries, with and without the header line, are one file to Tandem.
  await settings.goto();
  await settings.chooseImportFile(path.resolve('lib/import/test-data/daylio-es.csv'));
  for (const [label, mood] of [
    ['bien', 8],
    ['regular', 5],
    ['mal', 3],
  ] as const)
    await settings.mapMood(label, mood);
  await settings.confirmImport();
  await expect(page.getByRole('status')).toContainText('Imported 3 check-ins.');
  await settings.goto();
  await settings.chooseImportFile(path.resolve('lib/import/test-data/daylio-headerless-es.csv'));
  await expect(page.getByRole('status')).toContainText('all 3 entries are already in Tandem');
});

test('a malformed Daylio file is refused with the line and the problem, and nothing is imported', async ({ page }) => {
  await signInByEmail(page, 'marco@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const csv =
    'full_date,date,weekday,time,mood,activities,note_title,note\n2024-03-01,1 March,Friday,08:00,good,"","",""\n2024-02-30,30 February,Friday,08:00,good,"","",""\n';
  await settings.chooseImportFile({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(settings.importError()).toHaveText('Nothing was imported. Line 3: the date "2024-02-30" is not a real date.');
});

test('the export needs a session', async ({ request }) => {
  const response = await request.get('/api/me/export?format=json');
  expect(response.status()).toBe(401);
});
