import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/demo';
import { SignInPage } from './sign-in-page';

/** Signs in as one of the demo clinic's other clients (db/seed/personas.ts), so tests do not share data. */
export async function signInAsClient(page: Page, email: `${string}@demo.tandem.test`) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/check-in$/);
}
