import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signInByEmail } from './fixtures/people';
import { expect, test } from './fixtures/demo';
import { SettingsPage } from './pages/settings-page';

const GENERIC = path.resolve('lib/import/test-data/generic-numbers.csv');
const AXE = createRequire(import.meta.url).resolve('axe-core');

async function mapColumns(page: Page) {
  await expect(page.getByText('This file is not a Daylio or iMoodJournal export.')).toBeVisible();
  // Guessed from the column names; the rest the person chooses.
  await expect(page.getByLabel('Date column')).toHaveValue('Day');
  await expect(page.getByLabel('Mood column')).toHaveValue('Score');
  await page.getByLabel('Dates are written').selectOption('DD/MM/YYYY');
  await page.getByLabel('Time column').selectOption('At');
  await page.getByLabel('Note column').selectOption('Diary');
  await page.getByLabel('Tags column').selectOption('Labels');
  await page.getByLabel('Tags are separated by').fill('|');
}

// Nia Adams's history is used by no other spec.
test('a client maps the columns of another tracker’s CSV, imports it, sees it in history, and a second import adds nothing', async ({
  page,
}) => {
  await signInByEmail(page, 'nia@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseImportFile(GENERIC);
  await mapColumns(page);

  // A missing range is named, and nothing chosen is lost.
  await page.getByLabel('Highest mood in the file').fill('');
  await page.getByRole('button', { name: 'Show the first entries' }).click();
  await expect(settings.importError()).toHaveText(
    'Give the lowest and highest mood the file uses as numbers, the lowest below the highest.',
  );
  await expect(page.getByLabel('Tags are separated by')).toHaveValue('|');
  await page.getByLabel('Highest mood in the file').fill('5');

  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () =>
    (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id),
  );
  expect(violations).toEqual([]);

  await page.getByRole('button', { name: 'Show the first entries' }).click();
  await expect(
    page.getByText(/The file holds 3 entries from 5 September 2025 to 7 September 2025\. It is read with the columns you chose/),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /2025-09-06 12:00 3 → 6/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /2025-09-07 21:15 5 → 10 Walk, friends Walk by the river/ })).toBeVisible();
  await settings.confirmImport();
  await expect(page.getByRole('status')).toContainText('Imported 3 check-ins.');

  await page.getByRole('link', { name: 'See them in your history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await page.getByText('Show the numbers as a table').click();
  await expect(page.getByRole('row', { name: /Fri 5 Sep 2025 1/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sat 6 Sep 2025 6/ })).toBeVisible();

  await settings.goto();
  await settings.chooseImportFile(GENERIC);
  await mapColumns(page);
  await page.getByRole('button', { name: 'Show the first entries' }).click();
  await expect(page.getByRole('status')).toContainText('You imported this file before: all 3 entries are already in Tandem');
  await expect(settings.importButton()).toHaveCount(0);
});

test('a bad row in a mapped CSV is named with its line and nothing is imported', async ({ page }) => {
  await signInByEmail(page, 'nia@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const csv = 'when,how\n2024-03-01,4\n2024-02-30,5\n2024-03-02,12\n';
  await settings.chooseImportFile({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Lowest mood in the file').fill('0');
  await page.getByLabel('Highest mood in the file').fill('10');
  await page.getByRole('button', { name: 'Show the first entries' }).click();
  await expect(settings.importError()).toHaveText('Choose the column with the moods.');
  await page.getByLabel('Mood column').selectOption('how');
  await page.getByRole('button', { name: 'Show the first entries' }).click();
  await expect(settings.importError()).toHaveText(
    'Nothing was imported. Line 3: the date "2024-02-30" is not a real date written YYYY-MM-DD. Line 4: the mood "12" is not a number from 0 to 10.',
  );
  await expect(page.getByLabel('Date column')).toHaveValue('when');
});
