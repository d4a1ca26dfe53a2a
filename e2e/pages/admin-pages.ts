import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';

/** The newest invitation link sent to `email`, read from the embedded demo's outbox folder. */
export async function invitationLinkFromOutbox(email: string): Promise<string> {
  const dir = path.join(E2E_DATA_DIR, 'outbox');
  let link: string | undefined;
  await expect
    .poll(async () => {
      const files = (await fs.readdir(dir).catch(() => [])).sort().reverse();
      for (const file of files) {
        const mail = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as { to: string; text: string };
        if (mail.to === email) {
          link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
          return link;
        }
      }
      return undefined;
    })
    .toBeTruthy();
  return link as string;
}

export class InvitePage {
  constructor(private readonly page: Page) {}

  async invite(email: string, role: 'Therapist' | 'Client' | 'Clinic admin', therapist?: string) {
    await this.page.goto('/people/invite');
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Role').selectOption({ label: role });
    if (therapist) await this.page.getByLabel('Their therapist').selectOption({ label: therapist });
    await this.page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(this.page.getByRole('heading', { name: 'Invitation ready' })).toBeVisible();
  }

  shownLink() {
    return this.page.getByLabel('Invitation link (shown once)');
  }
}

export class AcceptInvitationPage {
  constructor(private readonly page: Page) {}

  async accept(name: string, password: string) {
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByLabel('Choose a password').fill(password);
    await this.page.getByLabel('Type it again').fill(password);
    await this.page.getByRole('button', { name: 'Create my account' }).click();
  }
}

export class AssignPage {
  constructor(private readonly page: Page) {}

  async preview(clients: string[], therapist: string) {
    await this.page.goto('/caseloads/assign');
    for (const client of clients) await this.page.getByRole('checkbox', { name: client }).check();
    await this.page.getByLabel('New therapist').selectOption({ label: therapist });
    await this.page.getByRole('button', { name: 'Preview changes' }).click();
    await expect(this.page.getByRole('heading', { name: 'Check before you confirm' })).toBeVisible();
  }

  previewSection() {
    return this.page.getByRole('region', { name: 'Check before you confirm' });
  }

  async confirm() {
    await this.page.getByRole('button', { name: /^Confirm: assign/ }).click();
    await expect(this.page).toHaveURL(/\/caseloads\?assigned=\d+$/);
  }
}

export class AuditLogPage {
  constructor(private readonly page: Page) {}

  async filterToClient(name: string) {
    await this.page.goto('/audit');
    await this.page.getByLabel('Client', { exact: true }).selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(this.page).toHaveURL(/client=/);
  }

  rows() {
    return this.page.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row');
  }

  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: 'Export CSV' }).click()]);
    return fs.readFile(await download.path(), 'utf8');
  }
}

export class DeactivateTherapistPage {
  constructor(private readonly page: Page) {}

  /** From People, the one-click "Deactivate" of a therapist who still has clients. */
  async start(therapist: string) {
    await this.page.goto(`/people?q=${encodeURIComponent(therapist)}`);
    await this.page.getByRole('button', { name: `Deactivate ${therapist}` }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `Deactivate ${therapist}` })).toBeVisible();
  }

  summary() {
    return this.page.locator('#deactivate-summary');
  }

  therapistFor(client: string) {
    return this.page.getByLabel(`New therapist for ${client}`);
  }

  therapistForEveryone() {
    return this.page.getByLabel('New therapist for everyone');
  }

  /** Chooses a therapist in one of the step's lists, whatever their current load reads. */
  async choose(list: Locator, therapist: string) {
    const value = await list.locator('option', { hasText: therapist }).getAttribute('value');
    await list.selectOption(value ?? '');
  }

  async reassign() {
    await this.page.getByRole('button', { name: 'Reassign and deactivate' }).click();
  }
}
