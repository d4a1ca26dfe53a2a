import type { Page } from '@playwright/test';

/** The header every signed-in page shares: "Get help now", and the menu that folds on phones. */
export class AppHeader {
  constructor(private readonly page: Page) {}

  helpLink() {
    return this.page.getByRole('banner').getByRole('link', { name: 'Get help now' });
  }

  menuButton() {
    return this.page.getByRole('banner').getByRole('button', { name: 'Menu' });
  }

  mainNav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  /** Whether anything makes the page wider than the window (a phone would scroll sideways). */
  async pageWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }
}
