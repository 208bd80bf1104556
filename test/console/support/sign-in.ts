import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface DevelopmentUser {
  role?: 'Operatore' | 'Responsabile di ufficio' | 'Monitoraggio regionale' | 'Amministratore';
  offices: string;
  sub: string;
}

/** Signs in on the development sign-in page the console shows at `path`, as a person would (labels, Italian). */
export async function signInAsDeveloper(page: Page, user: DevelopmentUser, path = '/console/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Accesso di sviluppo', level: 1 })).toBeVisible();
  // react-aria's radio is a visually hidden input inside its label: a person clicks the label.
  const role = page.getByRole('radio', { name: user.role ?? 'Operatore' });
  await page.locator('label', { has: role }).click();
  await expect(role).toBeChecked();
  await page.getByRole('textbox', { name: 'Uffici' }).fill(user.offices);
  await page.getByRole('textbox', { name: 'Codice operatore' }).fill(user.sub);
  await page.getByRole('button', { name: 'Entra' }).click();
}
