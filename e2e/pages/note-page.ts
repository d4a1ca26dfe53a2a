import { expect, type Page } from '@playwright/test';

/** The session-note pages of one client: starting a note, writing the draft, signing, addenda. */
export class NotePage {
  constructor(private readonly page: Page) {}

  async openNew(clientId: string) {
    await this.page.goto(`/clients/${clientId}/notes/new`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'New session note' })).toBeVisible();
    await expect(this.page.getByRole('region', { name: 'Since last session' })).toBeVisible();
  }

  async start(clientId: string, template: RegExp) {
    await this.page.getByRole('radio', { name: template }).check();
    await this.page.getByRole('button', { name: 'Start the note' }).click();
    await expect(this.page).toHaveURL(new RegExp(`/clients/${clientId}/notes/[0-9a-f-]{36}$`));
  }

  section(label: string) {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  status() {
    return this.page.locator('#note-status');
  }

  async waitUntilSaved() {
    await expect(this.status()).toHaveText(/^Saved at \d{2}:\d{2}\.$/);
  }

  async insertBrief() {
    await this.waitUntilSaved();
    await this.page.getByRole('button', { name: 'Insert the brief' }).click();
  }

  embeddedBrief() {
    return this.page.getByRole('region', { name: 'Brief kept with this note' });
  }

  async sign() {
    await this.waitUntilSaved();
    await this.page.getByRole('button', { name: 'Sign note…' }).click();
    await this.page.getByRole('checkbox', { name: /I have checked this note/ }).check();
    await this.page.getByRole('button', { name: 'Sign note', exact: true }).click();
  }

  async addAddendum(text: string) {
    await this.page.getByRole('textbox', { name: 'Add an addendum' }).fill(text);
    await this.page.getByRole('button', { name: 'Add addendum' }).click();
  }

  addenda() {
    return this.page.getByRole('region', { name: 'Addenda' }).getByRole('listitem');
  }
}
