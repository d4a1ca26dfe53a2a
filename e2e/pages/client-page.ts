import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { signInByEmail } from '../fixtures/people';

/**
 * A demo person's user id, read from their own session (`/api/auth/session`) in a separate
 * browser context: the therapist's pages are addressed by client id.
 */
export async function userIdOf(browser: Browser, email: string, landing: RegExp): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByEmail(page, email, landing);
  const session = (await (await page.request.get('/api/auth/session')).json()) as { userId?: string };
  await context.close();
  if (!session.userId) throw new Error(`no session for ${email}`);
  return session.userId;
}

export class ClientPage {
  constructor(private readonly page: Page) {}

  /** Opens the client's page from the caseload when it links there, else by its address. */
  async open(clientId: string, name: string) {
    await this.page.goto('/caseload');
    const link = this.page.getByRole('link', { name, exact: true });
    if ((await link.count()) > 0) await link.first().click();
    else await this.page.goto(`/clients/${clientId}`);
    await expect(this.page).toHaveURL(new RegExp(`/clients/${clientId}`));
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async downloadFhir() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Download for the clinic record (FHIR)' }).click();
    return download;
  }

  timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  timelineSummary(): Locator {
    return this.page.locator('#timeline-summary');
  }

  signal(summary: RegExp): Locator {
    return this.page.getByRole('article', { name: summary });
  }

  reviewHistory(): Locator {
    return this.page.getByRole('list', { name: 'Review history' });
  }

  checkInNotes(): Locator {
    return this.page.getByRole('region', { name: 'Check-in notes and tags' });
  }

  async acceptIntoCarePlan(summary: RegExp, problem: string) {
    const signal = this.signal(summary).first();
    await signal.getByRole('radio', { name: 'Accept' }).check();
    await signal.getByRole('checkbox', { name: 'Add to the care plan as evidence' }).check();
    await signal.getByRole('textbox', { name: 'Problem it is evidence for' }).fill(problem);
    await signal.getByRole('button', { name: 'Save review' }).click();
  }

  async openCarePlan() {
    await this.page.getByRole('navigation', { name: 'Client' }).getByRole('link', { name: 'Care plan' }).click();
    await expect(this.page).toHaveURL(/\/care-plan$/);
  }
}
