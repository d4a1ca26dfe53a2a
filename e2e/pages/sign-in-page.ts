import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/sign-in');
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async enterCode(code: string) {
    await this.page.getByLabel('Code from your authenticator app').fill(code);
    await this.page.getByRole('button', { name: 'Verify and sign in' }).click();
  }

  error() {
    // Next adds an empty alert region of its own (the route announcer).
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  notice() {
    return this.page.getByRole('status');
  }
}
