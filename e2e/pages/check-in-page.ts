import { expect, type Page } from '@playwright/test';

export class CheckInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/check-in');
    await expect(this.page.getByRole('heading', { level: 1, name: "Today's check-in" })).toBeVisible();
  }

  /** A new check-in even when one exists today (the home page then edits today's). */
  async gotoNew() {
    await this.page.goto('/check-in?another=1');
    await expect(this.page.getByRole('button', { name: 'Save check-in' })).toBeVisible();
  }

  scale(legend: string) {
    return this.page.getByRole('group', { name: legend });
  }

  async choose(legend: string, value: number) {
    await this.scale(legend).getByText(String(value), { exact: true }).click();
  }

  async openMore() {
    await this.page.getByText('More (optional)').click();
  }

  async save() {
    await this.page.getByRole('button', { name: /Save check-in|Update today’s check-in|Save changes/ }).click();
  }

  confirmation() {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }

  error() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }
}
