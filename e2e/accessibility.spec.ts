import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInAs, test, type DemoRole } from './fixtures/demo';
import { seededUserId } from './fixtures/seeded-ids';

// axe on every page of every role, signed in as that role on the demo: zero violations of WCAG
// 2.2 A/AA and axe's best practices. Pages reached through a link (a note, a check-in) are opened
// by following the first such link, so the spec needs no ids beyond the seeded people's.

const riley = seededUserId('client@demo.tandem.test');
const sam = seededUserId('therapist@demo.tandem.test');

type Visit = { path: string; follow?: { from: string; link: string } };

const pages: Record<DemoRole | 'signed out', Visit[]> = {
  'signed out': [{ path: '/sign-in' }, { path: '/invite/not-a-real-invitation' }, { path: '/support' }, { path: '/support/breathing' }],
  client: [
    { path: '/check-in' },
    { path: '/check-in?another=1' },
    { path: '/history' },
    { path: '/journal' },
    { path: '/measures' },
    { path: '/measures/phq9' },
    { path: '/summary' },
    { path: '/sharing' },
    { path: '/settings' },
    { path: '/access-log' },
    { path: '/account' },
    { path: '/support' },
    { path: '/check-in/[checkInId]', follow: { from: '/check-in', link: 'a[href^="/check-in/"]' } },
  ],
  therapist: [
    { path: '/caseload' },
    { path: '/alerts' },
    { path: `/clients/${riley}` },
    { path: `/clients/${riley}?range=365` },
    { path: `/clients/${riley}/notes` },
    { path: `/clients/${riley}/notes/new` },
    { path: `/clients/${riley}/care-plan` },
    { path: `/report/${riley}` },
    { path: '/account' },
    {
      path: '/clients/[clientId]/notes/[noteId]',
      follow: { from: `/clients/${riley}/notes`, link: `tbody a[href^="/clients/${riley}/notes/"]` },
    },
  ],
  admin: [
    { path: '/clinic' },
    { path: '/clinic/settings' },
    { path: '/people' },
    { path: '/people/invite' },
    { path: `/people/${sam}/deactivate` },
    { path: '/caseloads' },
    { path: '/caseloads/assign' },
    { path: `/caseloads/clients/${riley}` },
    { path: '/audit' },
    { path: '/account' },
  ],
};

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [role, visits] of Object.entries(pages) as [DemoRole | 'signed out', Visit[]][]) {
  test(`axe finds no violations on the ${role} pages`, async ({ page }) => {
    test.setTimeout(180_000);
    if (role !== 'signed out') await signInAs(page, role);
    const found: Record<string, string[]> = {};
    for (const visit of visits) {
      if (visit.follow) {
        await page.goto(visit.follow.from);
        const target = await page.locator(visit.follow.link).first().getAttribute('href');
        if (!target) throw new Error(`no link to ${visit.path} on ${visit.follow.from}`);
        await page.goto(target);
      } else {
        await page.goto(visit.path);
      }
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      const violations = await violationsOn(page);
      if (violations.length > 0) found[page.url()] = violations;
    }
    expect(found).toEqual({});
  });
}
