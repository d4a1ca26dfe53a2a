import { expect, type Locator, type Page } from '@playwright/test';

export class SharingPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/sharing');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sharing' })).toBeVisible();
  }

  therapist(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  scope(therapist: string, scopeLabel: string): Locator {
    return this.therapist(therapist)
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: scopeLabel }) });
  }

  async stopSharing(therapist: string, scopeLabel: string) {
    await this.scope(therapist, scopeLabel)
      .getByRole('button', { name: `Stop sharing ${scopeLabel.toLowerCase()} with ${therapist}` })
      .click();
    await expect(this.scope(therapist, scopeLabel)).toContainText('Not shared.');
  }

  async share(therapist: string, scopeLabel: string, until?: string) {
    const row = this.scope(therapist, scopeLabel);
    if (until) await row.getByLabel('Until (optional)').fill(until);
    await row.getByRole('button', { name: `Share ${scopeLabel.toLowerCase()} with ${therapist}` }).click();
    await expect(row).toContainText('Shared since');
  }

  history(): Locator {
    return this.page.getByRole('region', { name: 'Every change you made' });
  }
}
