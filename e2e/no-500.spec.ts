import fs from 'node:fs';
import fc from 'fast-check';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures/demo';
import { signInByEmail } from './fixtures/people';
import { seededUserId } from './fixtures/seeded-ids';

// Every server action (listed by the production build) and every route handler, driven with
// random and hostile input as each role: Tandem answers with a message, never a 500. Personas
// that no other journey relies on, so what a lucky valid input changes harms no other spec.
// (That an input that fails changes nothing is tested at the DAL: lib/dal/hostile-input.test.ts.)

type ActionEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
  node: Record<string, ActionEntry>;
};

const someClient = seededUserId('hana@demo.tandem.test');
/** The page an action belongs to, as a URL: route groups dropped, dynamic segments filled. */
function pageOf(worker: string): string {
  const path = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\[clientId\]/g, someClient)
    .replace(/\[token\]/g, 'not-a-token')
    .replace(/\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000');
  return path === '' ? '/' : path;
}

const actions = Object.entries(manifest.node).map(([id, entry]) => ({
  id,
  name: `${entry.filename}#${entry.exportedName}`,
  url: pageOf(Object.keys(entry.workers)[0]!),
}));

const fieldNames = [
  'mood',
  'anxiety',
  'energy',
  'sleepHours',
  'note',
  'tags',
  'timeZone',
  'checkInId',
  'clientId',
  'therapistId',
  'id',
  'intent',
  'scope',
  'until',
  'sessionDate',
  'template',
  'noteId',
  'content',
  'baseVersion',
  'targetDate',
  'reviewDate',
  'insightId',
  'action',
  'reason',
  'alertId',
  'email',
  'role',
  'name',
  'password',
  'confirm',
  'phone',
  'capacity',
  'answers',
  'body',
  'expectedUpdatedAt',
  'measure',
  'escalationHours',
  'measureCadenceDays',
  'crisisResponseTime',
  '$ACTION_ID_x',
  '1_$ACTION_REF_1',
];

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '1e1',
    '0x10',
    'NaN',
    'Infinity',
    '-1',
    '11',
    '1.5',
    '2026-02-30',
    '2026-99-99',
    '1900-01-01',
    '3000-01-01',
    'Mars/Olympus_Mons',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; drop table users; --",
    '\u0000',
    '00000000-0000-4000-8000-000000000000',
    '{"problems":[],"goals":[{"id":"g","text":"t","measure":"m","targetDate":"2026-99-99"}],"interventions":[],"reviewDate":"2026-02-30"}',
    '[]',
    '{}',
    'null',
  ),
  fc.string({ minLength: 3000, maxLength: 30_000 }),
  fc.uuid(),
);

const formBody = fc.dictionary(fc.constantFrom(...fieldNames), hostile, { maxKeys: 8 });
const prefixed = (form: Record<string, string>) => Object.fromEntries(Object.entries(form).map(([k, v]) => [`1_${k}`, v]));
/** Bodies as Tandem's pages send them (React's encoding of the arguments), with hostile values, and bodies no page sends. */
const actionBody = fc.oneof(
  formBody.map((f) => ({ form: { '0': JSON.stringify([{ status: 'idle' }, '$K1']), ...prefixed(f) } })),
  formBody.map((f) => ({ form: { '0': '["$K1"]', ...prefixed(f) } })),
  fc.array(fc.jsonValue(), { maxLength: 3 }).map((args) => ({ text: JSON.stringify(args) })),
  formBody.map((form) => ({ form })),
  fc.oneof(fc.string(), fc.json(), fc.constantFrom('[', '["$1"]', '["$K1"]', '[{"$$typeof":1}]', '"\\u0000"')).map((text) => ({ text })),
);

async function post(request: APIRequestContext, action: (typeof actions)[number], body: { form?: Record<string, string>; text?: string }) {
  const headers = { 'Next-Action': action.id, Accept: 'text/x-component' };
  return body.form
    ? request.post(action.url, { headers, multipart: body.form, maxRedirects: 0 })
    : request.post(action.url, {
        headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
        data: body.text ?? '',
        maxRedirects: 0,
      });
}

const personas = [
  { role: 'client', email: 'hana@demo.tandem.test', landing: /\/check-in$/ },
  { role: 'therapist', email: 'priya@demo.tandem.test', landing: /\/caseload$/ },
  { role: 'admin', email: 'admin@demo.tandem.test', landing: /\/clinic$/ },
] as const;

for (const persona of personas) {
  test(`as a ${persona.role}, no server action answers random or hostile input with a 500`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInByEmail(page, persona.email, persona.landing);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), actionBody, async (action, body) => {
        const response = await post(page.request, action, body);
        if (response.status() >= 500) failures.push(`${action.name} → ${response.status()} for ${JSON.stringify(body).slice(0, 300)}`);
      }),
      { numRuns: 150, seed: 14 },
    );
    expect(failures).toEqual([]);
  });
}

test('every server action answers a body over the limit with 413, a cross-origin post with 403, and a broken body with 400', async ({
  page,
}) => {
  await signInByEmail(page, 'hana@demo.tandem.test', /\/check-in$/);
  for (const action of actions) {
    const big = await page.request.post(action.url, {
      headers: { 'Next-Action': action.id },
      multipart: { note: 'x'.repeat(1024 * 1024 + 10) },
      maxRedirects: 0,
    });
    expect([action.name, big.status()]).toEqual([action.name, 413]);
    expect(await big.text()).toContain('more than Tandem accepts in one form');

    const foreign = await page.request.post(action.url, {
      headers: { 'Next-Action': action.id, Origin: 'https://evil.example' },
      multipart: { mood: '5' },
      maxRedirects: 0,
    });
    expect([action.name, foreign.status()]).toEqual([action.name, 403]);

    const broken = await post(page.request, action, { text: '{not json' });
    expect([action.name, broken.status()]).toEqual([action.name, 400]);
  }
});

const routes = [
  { method: 'GET', path: (q: string) => `/api/me/export?format=${q}` },
  { method: 'GET', path: (q: string) => `/audit/export?${q}` },
  { method: 'GET', path: () => '/audit/checkpoints' },
  { method: 'GET', path: (q: string) => `/clients/${encodeURIComponent(q)}/fhir` },
  { method: 'GET', path: (q: string) => `/api/auth/signin?callbackUrl=${q}` },
  { method: 'GET', path: () => '/api/health' },
  { method: 'POST', path: () => '/api/me/import' },
] as const;

for (const persona of personas) {
  test(`as a ${persona.role}, no route handler answers random or hostile input with a 500`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInByEmail(page, persona.email, persona.landing);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(hostile, fc.constantFrom('%E0%A4%A', '%', 'from=2026-02-30&to=x&page=1e1', 'actor=x')),
        hostile,
        async (route, query, body) => {
          const url = route.path(query);
          const response =
            route.method === 'GET'
              ? await page.request.get(url, { maxRedirects: 0 })
              : await page.request.post(url, { data: body, headers: { 'Content-Type': 'application/json' }, maxRedirects: 0 });
          if (response.status() >= 500) failures.push(`${route.method} ${url.slice(0, 200)} → ${response.status()}`);
        },
      ),
      { numRuns: 60, seed: 14 },
    );
    expect(failures).toEqual([]);
  });
}

test('a route handler body over the limit gets 413 and a message', async ({ page }) => {
  await signInByEmail(page, 'hana@demo.tandem.test', /\/check-in$/);
  const response = await page.request.post('/api/me/import', {
    data: JSON.stringify({ csv: 'x'.repeat(8 * 1024 * 1024 + 10) }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('larger than Tandem accepts');
});
