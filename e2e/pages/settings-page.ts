import { expect, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/settings');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  }

  async chooseImportFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByLabel('CSV file from Daylio or iMoodJournal').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Read the file' }).click();
  }

  async mapMood(label: string, mood: number) {
    await this.page.getByLabel(new RegExp(`^${label} \\(`)).selectOption(String(mood));
  }

  importButton() {
    return this.page.getByRole('button', { name: /^Import \d+ check-ins?$/ });
  }

  async confirmImport() {
    await this.page.getByRole('button', { name: /^Import \d+ check-ins?$/ }).click();
  }

  importError() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async downloadJson() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Download as JSON' }).click();
    return download;
  }

  async downloadFhir() {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Download for a health record (FHIR)' }).click();
    return download;
  }
}
