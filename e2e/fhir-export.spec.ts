import fs from 'node:fs';
import type { Download } from '@playwright/test';
import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { ClientPage, userIdOf } from './pages/client-page';
import { SettingsPage } from './pages/settings-page';

type Bundle = {
  resourceType: string;
  entry: { resource: { resourceType: string; name?: { text: string }[]; code?: { coding?: { code: string }[] } } }[];
};

async function bundleOf(download: Download): Promise<Bundle> {
  expect(download.suggestedFilename()).toMatch(/^tandem-fhir-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Bundle;
}
const types = (bundle: Bundle) => bundle.entry.map((e) => e.resource.resourceType);
const moods = (bundle: Bundle) =>
  bundle.entry.filter((e) => e.resource.resourceType === 'Observation' && e.resource.code?.coding?.some((c) => c.code === 'mood'));

// Dev Patel shares questionnaires with Sam Rivera but stopped sharing check-ins ten days ago.
test('the therapist downloads a client’s FHIR bundle holding only what the client shares', async ({ page, browser }) => {
  const devId = await userIdOf(browser, 'dev@demo.tandem.test', /\/check-in$/);
  await signInAs(page, 'therapist');
  const client = new ClientPage(page);
  await client.open(devId, 'Dev Patel');
  const bundle = await bundleOf(await client.downloadFhir());
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry[0]?.resource).toMatchObject({ resourceType: 'Patient', name: [{ text: 'Dev Patel' }] });
  expect(types(bundle)).toContain('QuestionnaireResponse');
  expect(moods(bundle)).toHaveLength(0);
});

test('a therapist the client is not assigned to gets 404 and no bundle', async ({ page, browser }) => {
  const devId = await userIdOf(browser, 'dev@demo.tandem.test', /\/check-in$/);
  await signInByEmail(page, 'priya@demo.tandem.test', /\/caseload$/);
  const response = await page.request.get(`/clients/${devId}/fhir`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('Bundle');
});

test('a client downloads their own mood and questionnaires as FHIR', async ({ page }) => {
  await signInByEmail(page, 'pia@demo.tandem.test', /\/check-in$/);
  const settings = new SettingsPage(page);
  await settings.goto();
  const bundle = await bundleOf(await settings.downloadFhir());
  expect(types(bundle)).toEqual(expect.arrayContaining(['Patient', 'Questionnaire', 'QuestionnaireResponse', 'Observation']));
  expect(moods(bundle).length).toBeGreaterThan(0);
});

test('the FHIR export needs a session', async ({ request }) => {
  expect((await request.get('/api/me/export?format=fhir')).status()).toBe(401);
});
