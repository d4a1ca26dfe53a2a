import { DEMO_PASSWORD, expect, signInAs, test } from './fixtures/demo';
import { seededUserId } from './fixtures/seeded-ids';
import { NotePage } from './pages/note-page';

const rileyId = seededUserId('client@demo.tandem.test');

test('the therapist writes a SOAP note for Riley with the brief, autosaved, then signs it and adds an addendum', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'therapist');
  const note = new NotePage(page);
  await note.openNew(rileyId);
  await page.screenshot({ path: testInfo.outputPath('note-new-1280.png'), fullPage: true });
  await note.start(rileyId, /^SOAP/);
  await expect(note.status()).toHaveText(/Saved at/);

  await note.insertBrief();
  const subjective = note.section('Subjective');
  await expect(subjective).toHaveValue(/^Since the last session on \d+ \w{3}/);
  await expect(subjective).toHaveValue(/Mood:\n- Mean mood in this period: \d/);
  await expect(note.embeddedBrief()).toContainText('Since the last session on');

  await subjective.press('End');
  await subjective.pressSequentially('\n\nRiley says the new evening routine helps.');
  await note.waitUntilSaved();

  // Offline, the words stay in this browser and are saved once the connection is back.
  await page.context().setOffline(true);
  await note.section('Plan').fill('Review sleep diary in two weeks.');
  await expect(note.status()).toHaveText(/Tandem cannot be reached\. Your text is kept in this browser/);
  expect(await page.evaluate(() => Object.values({ ...window.localStorage }).join())).toContain('Review sleep diary in two weeks.');
  await page.context().setOffline(false);
  await note.waitUntilSaved();

  // Words that could not be saved before the page was left come back on the next visit, and save.
  const failSaves = /\/notes\//;
  await page.route(failSaves, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await note.section('Assessment').fill('Mood lower than at the last session.');
  await expect(note.status()).toHaveText(/Tandem cannot be reached/);
  await page.unroute(failSaves);
  await page.reload();
  await expect(note.section('Assessment')).toHaveValue('Mood lower than at the last session.');
  await note.waitUntilSaved();

  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(note.section('Subjective')).toHaveValue(/Riley says the new evening routine helps\.$/);
  await expect(note.section('Plan')).toHaveValue('Review sleep diary in two weeks.');
  await expect(note.section('Assessment')).toHaveValue('Mood lower than at the last session.');
  await expect(note.embeddedBrief()).toBeVisible();

  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.screenshot({ path: testInfo.outputPath(`note-draft-${width}.png`), fullPage: true });
  }

  await note.sign();
  await expect(page.getByText(/Signed by you on .*Read-only; later changes are addenda\./)).toBeVisible();
  await expect(note.section('Subjective')).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Note' })).toContainText('Riley says the new evening routine helps.');

  await note.addAddendum('Riley phoned: the routine is holding.');
  await expect(note.addenda()).toHaveCount(1);
  await expect(note.addenda().first()).toContainText('Sam Rivera');
  await expect(note.addenda().first()).toContainText('Riley phoned: the routine is holding.');

  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1100 });
    await page.screenshot({ path: testInfo.outputPath(`note-signed-${width}.png`), fullPage: true });
  }

  await page.goto(`/clients/${rileyId}/notes`);
  const mine = page.getByRole('row').filter({ hasText: 'You' }).filter({ hasText: 'Signed' });
  await expect(mine.first()).toBeVisible();
});

test('a therapist of the clinic who is not assigned to Riley gets 404 for her notes pages', async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn('jordan@demo.tandem.test', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);
  for (const path of [
    `/clients/${rileyId}/notes`,
    `/clients/${rileyId}/notes/new`,
    `/clients/${rileyId}/notes/00000000-0000-4000-8000-000000000000`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('a save from a stale tab is refused, its words are kept in the browser to copy from, and the draft can be deleted', async ({
  page,
}) => {
  await signInAs(page, 'therapist');
  const first = new NotePage(page);
  await first.openNew(rileyId);
  await first.start(rileyId, /^DAP/);
  const other = await page.context().newPage();
  await other.goto(page.url());
  const second = new NotePage(other);
  await second.waitUntilSaved();

  await first.section('Data').fill('From the first tab.');
  await first.waitUntilSaved();
  await second.section('Data').fill('From the second tab.');
  await expect(second.status()).toHaveText(/changed elsewhere since you opened it.*your text is kept in this browser/);

  await other.reload();
  await expect(second.section('Data')).toHaveValue('From the first tab.');
  const kept = other.getByRole('alert').filter({ hasText: 'Text kept in this browser that was not saved' });
  await expect(kept).toContainText('From the second tab.');
  await kept.getByRole('button', { name: 'Discard the kept text' }).click();
  await expect(kept).toHaveCount(0);
  await other.close();

  await page.getByRole('button', { name: 'Delete draft…' }).click();
  await page.getByRole('checkbox', { name: 'Delete this draft for good.' }).check();
  await page.getByRole('button', { name: 'Delete draft', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${rileyId}/notes$`));
});
