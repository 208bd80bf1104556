import type { Page } from '@playwright/test';
import { randomFiscalCode } from '../support/journeys';
import { uniqueSuffix } from '../support/env';
import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

/** YYYY-MM-DD, `days` from today (Rome's calendar is close enough at midday UTC). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day as an Italian types it (31/03/2026): the console's date fields take it so. */
function typedDay(days: number): string {
  const [y, m, d] = day(days).split('-');
  return `${d}/${m}/${y}`;
}

/** The same day as the console shows it (it-IT, "31 mar 2026"). */
function shownDay(days: number): string {
  return new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(new Date(`${day(days)}T12:00:00Z`));
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe("an operator's path", () => {
  const office = `CPI-PW-${uniqueSuffix()}`;
  const operator = `op-pw-${uniqueSuffix()}`;
  const person = { givenName: 'Giulia', familyName: `Ferraris${uniqueSuffix().slice(-4)}`, fiscalCode: randomFiscalCode() };

  test('start a journey, a refused command with its reason, intake by keyboard, the pact, an action completed, then find the case', async ({ page }) => {
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();

    // Start: the form, and a field the API refuses with its own message beside it.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Nuovo percorso' }).click();
    await expect(page.getByRole('heading', { name: 'Avvia un percorso', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'start-journey');
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(person.givenName);
    await page.getByRole('textbox', { name: 'Cognome', exact: true }).fill(person.familyName);
    await page.getByRole('textbox', { name: 'Codice fiscale', exact: true }).fill('RSSMRA85T10A562X');
    await choose(page, 'Programma', 'GOL-1');
    await page.getByRole('textbox', { name: 'Data della DID', exact: true }).fill(typedDay(-10));
    await page.getByRole('button', { name: 'Avvia il percorso' }).click();
    await expect(page.getByRole('alert')).toContainText('Alcuni dati non sono corretti');
    const fiscalCode = page.getByRole('textbox', { name: 'Codice fiscale', exact: true });
    await expect(fiscalCode).toHaveAttribute('aria-invalid', 'true');
    // The API's field problem in Italian, from the console's catalogue by its stable code (isFiscalCode), not the API's English.
    const fiscalCodeError = page.locator('.sal-field', { has: fiscalCode }).locator('.sal-field-error');
    await expect(fiscalCodeError).toHaveText('codice fiscale non valido (16 caratteri con il carattere di controllo, oppure 11 cifre)');
    await expectAccessible(page);
    await screenshots(page, 'start-journey-invalid');
    await fiscalCode.fill(person.fiscalCode);
    await page.getByRole('button', { name: 'Avvia il percorso' }).click();

    // The journey's page: only its id in the address, no name in the title.
    await expect(page).toHaveURL(/\/console\/journeys\/jrn_[0-9a-f]{32}$/);
    const journeyUrl = page.url();
    expect(journeyUrl).not.toContain(person.fiscalCode);
    await expect(page.getByRole('heading', { name: `${person.familyName} ${person.givenName}`, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Percorso – Servizi al Lavoro');
    await expect(page.getByTestId('journey-stage')).toHaveText('In attesa di presa in carico');
    await expectAccessible(page);
    await screenshots(page, 'journey-awaiting-intake');

    // The pact before the intake: the journey refuses it, and the page says why.
    const pact = page.getByRole('region', { name: 'Firma il patto di servizio' });
    await pact.getByRole('textbox', { name: 'Come la persona dimostra la ricerca attiva', exact: true }).fill('Report mensile delle candidature');
    await pact.getByRole('textbox', { name: 'Descrizione', exact: true }).fill('Laboratorio di scrittura del CV');
    await pact.getByRole('textbox', { name: 'Scadenza', exact: true }).fill(typedDay(30));
    // The contact frequency as people say it: every 2 weeks (sent as the API's P2W).
    await pact.getByRole('textbox', { name: 'Ogni (numero)', exact: true }).fill('2');
    await pact.getByRole('button', { name: /Unità$/ }).click();
    await page.getByRole('option', { name: 'settimane', exact: true }).click();
    await pact.getByRole('button', { name: 'Invia' }).click();
    const refusal = pact.getByTestId('refusal');
    // Phrased from its code in Italian; the code stays visible and the API's English message under the technical details.
    await expect(refusal).toContainText('Operazione non registrata. La persona non è ancora stata presa in carico: registra prima la presa in carico.');
    await expect(refusal).toContainText('Codice: INTAKE_REQUIRED');
    await expect(refusal.getByText('Dettagli tecnici')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'journey-refused-command');

    // The intake, with the keyboard alone.
    const intake = page.getByRole('region', { name: 'Registra la presa in carico' });
    await intake.getByRole('textbox', { name: 'Note del colloquio di accoglienza', exact: true }).focus();
    await page.keyboard.type('Interessata alla logistica');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(intake.getByRole('button', { name: 'Invia' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('journey-stage')).toHaveText('In attesa del patto');

    // The pact's draft survived the refusal: send it again, now that the person is taken in charge.
    await expect(pact.getByRole('textbox', { name: 'Descrizione', exact: true })).toHaveValue('Laboratorio di scrittura del CV');
    await pact.getByRole('button', { name: 'Invia' }).click();
    await expect(page.getByTestId('journey-stage')).toHaveText('Patto attivo');
    await expect(page.getByTestId('action-status-A1')).toHaveText('Da fare');
    // The due date typed 31/03/2026-style is the day the journey keeps.
    await expect(page.getByRole('row').filter({ has: page.getByTestId('action-status-A1') })).toContainText(shownDay(30));
    // And the journey's start shows the DID date typed the same way.
    await expect(page.getByText(shownDay(-10)).first()).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'journey-pact-active');

    // The action completed.
    await page.getByRole('region', { name: /Completa l’azione A1/ }).getByRole('button', { name: 'Segna come completata' }).click();
    await expect(page.getByTestId('action-status-A1')).toHaveText('Completata');
    await expect(page.getByRole('heading', { name: 'Cronologia' })).toBeVisible();
    // The timeline in Italian phrases, the contact frequency in words: no event type name nor ISO duration shown.
    const timeline = page.locator('.sal-timeline');
    await expect(timeline.getByText('Azione del patto completata', { exact: true })).toBeVisible();
    await expect(timeline.getByText('Patto di servizio firmato', { exact: true })).toBeVisible();
    await expect(timeline.getByText('Percorso avviato', { exact: true })).toBeVisible();
    await expect(timeline).not.toContainText(/[A-Z][a-z]+[A-Z][a-z]+/);
    await expect(page.getByText('Frequenza dei contatti: ogni 2 settimane')).toBeVisible();
    await screenshots(page, 'journey');

    // My cases: the journey is there, also among those assigned to me; and the person is found by fiscal code.
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'I miei casi' }).click();
    await expect(page.getByRole('heading', { name: 'I miei casi', level: 1 })).toBeVisible();
    const row = page.getByRole('link', { name: `${person.familyName} ${person.givenName}` });
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    // react-aria's radio is a visually hidden input inside its label: the person clicks the label.
    await page.locator('label', { has: page.getByRole('radio', { name: 'Assegnati a me' }) }).click();
    await expect(page.getByRole('radio', { name: 'Assegnati a me' })).toBeChecked();
    await choose(page, 'Fase', 'Patto attivo');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(row).toBeVisible();
    await expect(page.getByRole('heading', { name: '1 percorso' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'cases');

    // A saved filter: the filters applied now, under a name; reset, then reapplied with a press.
    await page.getByRole('textbox', { name: 'Nome del filtro', exact: true }).fill('Miei patti attivi');
    await page.getByRole('button', { name: 'Salva il filtro' }).click();
    await expect(page.getByRole('button', { name: 'Applica il filtro Miei patti attivi' })).toBeVisible();
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await expect(page.getByRole('radio', { name: 'Tutti i casi dei miei uffici' })).toBeChecked();
    await expect(page.getByRole('button', { name: /^Tutte le fasi.*Fase$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Applica il filtro Miei patti attivi' }).click();
    await expect(page.getByRole('radio', { name: 'Assegnati a me' })).toBeChecked();
    await expect(page.getByRole('button', { name: /^Patto attivo.*Fase$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: '1 percorso' })).toBeVisible();
    await expect(row).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'cases-saved-filter');

    await page.getByRole('textbox', { name: 'Codice fiscale', exact: true }).fill(person.fiscalCode);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect(page.getByRole('heading', { name: 'Percorsi della persona' })).toBeVisible();
    expect(page.url()).not.toContain(person.fiscalCode);
    // The saved filter kept in this browser, per user, holds filters only: not the searched fiscal code, nor a name.
    // (The test's own code has no DOM types: the browser's localStorage read as the record of strings it is.)
    const stored: [string, string][] = await page.evaluate(() =>
      Object.entries((globalThis as unknown as { localStorage: Record<string, string> }).localStorage).filter(([key]) => key.startsWith('sal.console.cases.saved.')),
    );
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0][1])).toEqual([{ name: 'Miei patti attivi', filters: expect.objectContaining({ scope: 'mine', stage: 'pact_active' }) }]);
    expect(stored[0][1]).not.toContain(person.fiscalCode);
    expect(stored[0][1]).not.toContain(person.familyName);
    await page.getByRole('listitem').getByRole('link', { name: /GOL-1/ }).click();
    await expect(page).toHaveURL(journeyUrl);
  });
});
