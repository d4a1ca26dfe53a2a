import { expect, type Page } from '@playwright/test';

export class MeasurePage {
  constructor(private readonly page: Page) {}

  async start(name: 'PHQ-9' | 'GAD-7') {
    await this.page.goto('/measures');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
    await this.page.getByRole('link', { name: new RegExp(`(Start|Take) ${name}`) }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async begin(name: string) {
    await this.page.getByRole('button', { name: `Start ${name}` }).click();
  }

  async answer(label: string) {
    await this.page.getByText(label, { exact: true }).click();
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send answers' }).click();
  }

  crisisResources() {
    return this.page.getByRole('region', { name: 'You do not have to handle this alone' });
  }
}
