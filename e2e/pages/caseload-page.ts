import { expect, type Locator, type Page } from '@playwright/test';

export class CaseloadPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/caseload${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: /Your clients/ });
  }

  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /**
   * Client names in the order shown, once the table has streamed in: until then the page shows
   * "Loading your clients…" and there are no rows to read.
   */
  async names(): Promise<string[]> {
    await this.table().waitFor();
    return this.rows().locator('td:first-child a').allInnerTexts();
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  reasons(name: string): Locator {
    return this.page.getByRole('list', { name: `Why ${name} needs attention` });
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search by name' }).fill(text);
    await this.apply();
  }

  async apply() {
    await this.page.getByRole('button', { name: 'Apply' }).click();
  }

  filter(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }

  async sortBy(header: string) {
    await this.table().getByRole('columnheader', { name: header }).getByRole('link').click();
  }
}
