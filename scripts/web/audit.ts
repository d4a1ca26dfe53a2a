import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { signIn } from '../bench/http';

// `npm run audit:web [-- --json] [-- --skip-build] [-- --js-only]`: starts the production build on
// a fresh embedded demo, signs in as the demo client and therapist, then for the check-in,
// caseload and client pages prints the JavaScript each page loads (gzip-compressed, as served) and
// Lighthouse's performance, accessibility and best-practices scores with the mobile and desktop
// presets. `npm run budget:js` is the JavaScript part alone.
// Goals (issue 17): the client page ≤ 170 KB of JavaScript compressed; performance ≥ 95,
// accessibility 100, best practices ≥ 95. Exits 1 when a goal is missed.

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'js-only': { type: 'boolean', default: false },
    port: { type: 'string', default: '3192' },
  },
});
const PORT = Number(args.port);
const BASE_URL = `http://localhost:${PORT}`;
const DEMO_PASSWORD = 'demo-tandem-pass';
const JS_BUDGET_KB = 170;
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof GOALS;
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const log = (line: string) => process.stderr.write(`${line}\n`);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (server.exitCode !== null) throw new Error('the Tandem server stopped while starting');
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('the Tandem server did not become healthy in 4 minutes');
}

type Page = { name: string; path: string; cookie: string };
type JsSize = { scripts: number; compressedKb: number; decodedKb: number };

async function html(page: Page): Promise<string> {
  const response = await fetch(`${BASE_URL}${page.path}`, { headers: { cookie: page.cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${page.path} answered HTTP ${response.status}`);
  return body;
}

/**
 * Every script the page's HTML loads (not the chunks it may load later), gzip-compressed as Next
 * serves them. `nomodule` polyfills are left out: browsers that run modules never fetch them.
 */
async function javascriptOf(page: Page): Promise<JsSize> {
  const tags = [...(await html(page)).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let compressed = 0;
  let decoded = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replaceAll('&amp;', '&'), BASE_URL))).arrayBuffer());
    decoded += body.length;
    compressed += gzipSync(body).length;
  }
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return { scripts: sources.length, compressedKb: kb(compressed), decodedKb: kb(decoded) };
}

/** Lighthouse's performance metrics (milliseconds, layout shift unitless): what a performance score below 100 is made of. */
type Metrics = { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
type Scores = Record<Category, number> & { failing: string[]; metrics: Metrics };

async function lighthouseScores(page: Page, preset: 'mobile' | 'desktop', port: number): Promise<Scores> {
  const result = await lighthouse(
    `${BASE_URL}${page.path}`,
    { port, output: 'json', logLevel: 'error', extraHeaders: { cookie: page.cookie }, onlyCategories: Object.keys(GOALS) },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
  const { categories, audits } = result.lhr;
  const score = (id: Category) => Math.round((categories[id]?.score ?? 0) * 100);
  // What stands between a page and full marks in accessibility and best practices.
  const failing = [...(categories.accessibility?.auditRefs ?? []), ...(categories['best-practices']?.auditRefs ?? [])]
    .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);
  const value = (id: string, digits = 0) => Number((audits[id]?.numericValue ?? Number.NaN).toFixed(digits));
  const metrics: Metrics = {
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift', 3),
    speedIndexMs: value('speed-index'),
  };
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    failing,
    metrics,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-audit-'));
const env = {
  ...process.env,
  DATABASE_URL: '',
  TANDEM_DATA_DIR: dir,
  NEXTAUTH_URL: BASE_URL,
  NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
  NEXT_TELEMETRY_DISABLED: '1',
};
let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let missed = false;
try {
  if (!args['skip-build']) {
    log('Building the production app (skip with --skip-build when it is current)…');
    await run('npx', ['next', 'build'], env);
  }
  log('Seeding a fresh embedded demo…');
  await run(process.execPath, ['--import', 'tsx', 'db/cli.ts', 'prepare'], env);
  server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(PORT)], {
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(server);
  const client = await signIn(BASE_URL, 'client@demo.tandem.test', DEMO_PASSWORD);
  const therapist = await signIn(BASE_URL, 'therapist@demo.tandem.test', DEMO_PASSWORD);
  const caseload: Page = { name: 'caseload', path: '/caseload', cookie: therapist };
  const clientId = /\/clients\/([0-9a-f-]{36})/.exec(await html(caseload))?.[1];
  if (!clientId) throw new Error('the demo caseload links to no client');
  const pages: Page[] = [
    { name: 'check-in', path: '/check-in', cookie: client },
    caseload,
    { name: 'client page', path: `/clients/${clientId}`, cookie: therapist },
  ];

  const results: Record<string, { javascript: JsSize; lighthouse?: Record<'mobile' | 'desktop', Scores> }> = {};
  for (const page of pages) results[page.name] = { javascript: await javascriptOf(page) };
  if ((results['client page']?.javascript.compressedKb ?? Infinity) > JS_BUDGET_KB) missed = true;

  if (!args['js-only']) {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    for (const page of pages) {
      log(`Lighthouse: ${page.name}…`);
      const mobile = await lighthouseScores(page, 'mobile', chrome.port);
      const desktop = await lighthouseScores(page, 'desktop', chrome.port);
      (results[page.name] as { lighthouse?: unknown }).lighthouse = { mobile, desktop };
      for (const scores of [mobile, desktop]) {
        if ((Object.keys(GOALS) as Category[]).some((c) => scores[c] < GOALS[c])) missed = true;
      }
    }
  }

  if (args.json) {
    console.log(JSON.stringify({ jsBudgetKb: JS_BUDGET_KB, goals: GOALS, pages: results }));
  } else {
    console.log(`JavaScript each page loads (gzip), budget for the client page ${JS_BUDGET_KB} KB:`);
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `  ${name.padEnd(12)} ${r.javascript.compressedKb.toFixed(1).padStart(6)} KB compressed, ${r.javascript.decodedKb.toFixed(1).padStart(6)} KB decoded, ${r.javascript.scripts} scripts`,
      );
    }
    if (!args['js-only']) {
      console.log(
        `\nLighthouse 12.2.3 (goals: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, best practices ≥ ${GOALS['best-practices']}):`,
      );
      for (const [name, r] of Object.entries(results)) {
        for (const preset of ['mobile', 'desktop'] as const) {
          const s = r.lighthouse?.[preset];
          if (!s) continue;
          const failing = s.failing.length > 0 ? `  (not passing: ${s.failing.join(', ')})` : '';
          console.log(
            `  ${name.padEnd(12)} ${preset.padEnd(8)} performance ${String(s.performance).padStart(3)}  accessibility ${String(s.accessibility).padStart(3)}  best practices ${String(s['best-practices']).padStart(3)}${failing}`,
          );
          const m = s.metrics;
          console.log(
            `  ${''.padEnd(21)} first paint ${m.fcpMs} ms, largest paint ${m.lcpMs} ms, blocking ${m.tbtMs} ms, layout shift ${m.cls}, speed index ${m.speedIndexMs} ms`,
          );
        }
      }
    }
  }
} catch (error) {
  log(`\nThe audit stopped: ${(error as Error).message}`);
  missed = true;
} finally {
  chrome?.kill();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server?.once('exit', resolve));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(missed ? 1 : 0);
