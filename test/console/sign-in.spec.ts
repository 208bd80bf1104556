import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

test.describe('development sign-in', () => {
  test('an operator signs in and sees the home page, in Italian and then in English', async ({ page }) => {
    await page.goto('/console/');
    // Not signed in: the console sends the user to the development sign-in page, with its banner.
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await expect(page.getByTestId('dev-banner')).toContainText('Accesso di sviluppo');
    await expectAccessible(page);
    await screenshots(page, 'sign-in');

    await signInAsDeveloper(page, { offices: 'CPI-TO-01', sub: 'op-torino-001' });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/console\/$/);
    await expect(page.getByText('Utente: op-torino-001')).toBeVisible();
    await expect(page.getByText('Uffici: CPI-TO-01')).toBeVisible();
    await expect(page).toHaveTitle('Benvenuto – Servizi al Lavoro');
    await expectAccessible(page);
    await screenshots(page, 'home');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Italiano' }).click();
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();

    // An address the console does not have: its own page, with the way home.
    await page.goto('/console/pagina-inesistente');
    await expect(page.getByRole('heading', { name: 'Pagina non trovata', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'not-found');
  });

  test("a field the API refuses shows the API's message beside it, phrased from its code in the console's language", async ({ page }) => {
    await signInAsDeveloper(page, { offices: 'CPI TO 01', sub: 'op-torino-001' });
    await expect(page.getByRole('alert')).toContainText('Accesso non riuscito');
    const offices = page.getByRole('textbox', { name: 'Uffici' });
    await expect(offices).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.sal-field', { has: offices })).toContainText('formato non valido');
    await expectAccessible(page);
  });

  test('a client route deep under /console/ is the console, and API routes are not', async ({ page, request }) => {
    await page.goto('/console/accessibility');
    await expect(page.getByRole('heading', { name: 'Dichiarazione di accessibilità', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'accessibility');
    const config = await request.get('/console/config');
    expect(await config.json()).toEqual({ mode: 'development' });
    const journeys = await request.get('/journeys');
    expect(journeys.status()).toBe(401);
    expect((await request.get('/docs-json')).headers()['content-type']).toContain('application/json');
  });
});
