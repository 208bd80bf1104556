import { randomBytes } from 'node:crypto';
import { test as base, type Page } from '@playwright/test';
import type { JourneyNotice } from '@sal/domain';
import { getFreePort } from '@sal/infra';
import { Dispatcher, NotificationService, SmtpTransport } from '@sal/notifications';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { uniqueSuffix } from '../support/env';
import { http, startProduct } from '../support/services';
import { eventually } from '../support/wait';
import { expect, expectAccessible, screenshots } from './support/fixtures';

/**
 * The administrators' screens against the real stack. Like support/fixtures' `stack`, but this file also keeps its
 * throwaway database, to record a notice and make its delivery fail for real (an SMTP port nobody listens on).
 */
const test = base.extend<object, { stack: { baseUrl: string; database: ThrowawayDatabase } }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const database = await createThrowawayDatabase();
      const product = await startProduct(database.url);
      try {
        await use({ baseUrl: product.baseUrl, database });
      } finally {
        await product.stop();
        await database.drop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.baseUrl),
});

const admin = `adm-${uniqueSuffix()}`;

/** The development sign-in as an administrator (the radio's label is what a person clicks: the input itself is hidden under it). */
async function signInAsAdministrator(page: Page): Promise<void> {
  await page.goto('/console/');
  await expect(page.getByRole('heading', { name: 'Accesso di sviluppo', level: 1 })).toBeVisible();
  await page.locator('label', { has: page.getByRole('radio', { name: 'Amministratore' }) }).click();
  await expect(page.getByRole('radio', { name: 'Amministratore' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Uffici' }).fill('*');
  await page.getByRole('textbox', { name: 'Codice operatore' }).fill(admin);
  await page.getByRole('button', { name: 'Entra' }).click();
  await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name, exact: true });
}

test.describe("the administrators' screens", () => {
  test('an administrator publishes a catalogue with an error shown at its field, fixes it, and sees the new version and the differences', async ({ page, stack }) => {
    const before = await http(stack.baseUrl, 'GET', '/programmes/GOL-1');
    expect(before.status).toBe(200);
    const oldVersion: number = before.body.version;
    const oldStallAfter: string | null = before.body.clocks.stallAfter;
    const newStallAfter = oldStallAfter === 'P45D' ? 'P50D' : 'P45D';

    await signInAsAdministrator(page);
    await nav(page, 'Cataloghi').click();
    await expect(page.getByRole('heading', { name: 'Cataloghi dei programmi', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Cataloghi dei programmi – Servizi al Lavoro');
    await expectAccessible(page);
    await screenshots(page, 'admin-programmes');

    await page.getByRole('button', { name: 'Versioni di GOL-1', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Versioni di GOL-1', level: 2 })).toBeVisible();
    const editor = page.getByRole('textbox', { name: 'Definizione (JSON)' });
    // The editor starts from the latest version, without what the form gives (code, version, scope).
    const definition = JSON.parse(await editor.inputValue()) as { title: string; clocks: Record<string, string | null>; code?: string };
    expect(definition.title).toBe(before.body.title);
    expect(definition.code).toBeUndefined();

    // Text that is not JSON is stopped in the browser, in the page's language, with the line and column to look at.
    await editor.fill('{\n  "title": "GOL",\n  "clocks": {,\n}');
    await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
    await expect(page.getByTestId('definition-errors')).toContainText('La definizione non è JSON valido alla riga 3, colonna 14.');

    // An error: the API's message is shown under the editor, naming the field's path, and the editor is marked invalid.
    definition.clocks.stallAfter = 'sessanta giorni';
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
    const problems = page.getByTestId('definition-errors');
    await expect(problems).toContainText('clocks.stallAfter');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').first()).toContainText('Alcuni dati non sono corretti');
    expect((await http(stack.baseUrl, 'GET', '/programmes/GOL-1')).body.version).toBe(oldVersion);
    await expectAccessible(page);
    await screenshots(page, 'admin-programmes-invalid');

    // Fixed: the new version is published, listed, and compared with the one before.
    definition.clocks.stallAfter = newStallAfter;
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Pubblica la nuova versione' }).click();
    await expect(page.getByRole('status')).toContainText(`Pubblicata la versione ${oldVersion + 1} di GOL-1.`);
    await expect(problems).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Elenco delle versioni' }).getByRole('row')).toHaveCount(oldVersion + 2);
    const diff = page.getByTestId('catalogue-diff');
    await expect(diff.locator('caption')).toHaveText(`Differenze dalla versione ${oldVersion} alla versione ${oldVersion + 1}`);
    const changed = diff.getByRole('row', { name: /clocks\.stallAfter/ });
    await expect(changed).toContainText(newStallAfter);
    if (oldStallAfter) await expect(changed).toContainText(oldStallAfter);
    await expect(diff.getByRole('row')).toHaveCount(2);
    expect((await http(stack.baseUrl, 'GET', '/programmes/GOL-1')).body).toMatchObject({ version: oldVersion + 1, clocks: { stallAfter: newStallAfter } });
    await expectAccessible(page);
    await screenshots(page, 'admin-programmes-diff');
  });

  test('an administrator adds a member of staff (the API refusing an office id at its field) and edits them', async ({ page, stack }) => {
    const staffId = `op-adm-${uniqueSuffix()}`;
    await signInAsAdministrator(page);
    await nav(page, 'Personale').click();
    await expect(page.getByRole('heading', { name: 'Personale degli uffici', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Aggiungi una persona' }).click();
    const form = page.getByRole('region', { name: 'Nuova persona' });
    await form.getByRole('textbox', { name: 'Codice operatore' }).fill(staffId);
    const office = form.getByRole('textbox', { name: 'Ufficio' });
    await office.fill('CPI TO 01');
    await form.getByRole('textbox', { name: 'E-mail per gli avvisi' }).fill('giulia.ferrari@cpi-torino.example.org');
    await form.getByRole('textbox', { name: 'Nome usato nei saluti' }).fill('Giulia Ferrari');
    await form.getByRole('button', { name: 'Salva' }).click();
    await expect(form.getByRole('alert')).toContainText('Alcuni dati non sono corretti');
    await expect(office).toHaveAttribute('aria-invalid', 'true');
    // The API's field problem in Italian, by its stable code (`matches`: the office id's pattern), not its English message.
    await expect(form.locator('.sal-field', { has: page.getByRole('textbox', { name: 'Ufficio' }) }).locator('.sal-field-error')).toHaveText('formato non valido');
    await expectAccessible(page);
    await screenshots(page, 'admin-staff-invalid');

    await office.fill('CPI-TO-01');
    // A click: the field's message stays until the answer, so the button does not move from under the pointer.
    await form.getByRole('button', { name: 'Salva' }).click();
    await expect(page.getByRole('status')).toHaveText(`Salvato: ${staffId}.`);
    const row = page.getByRole('region', { name: 'Elenco del personale' }).getByRole('row', { name: new RegExp(staffId) });
    await expect(row).toContainText('giulia.ferrari@cpi-torino.example.org');
    await expect(row).toContainText('Sì');

    await row.getByRole('button', { name: `Modifica ${staffId}` }).click();
    const edit = page.getByRole('region', { name: `Modifica di ${staffId}` });
    await edit.getByRole('textbox', { name: 'E-mail per gli avvisi' }).fill('g.ferrari@cpi-torino.example.org');
    // The label is what a person clicks (the input is hidden under it).
    await edit.locator('label', { has: page.getByRole('checkbox', { name: 'Riceve gli avvisi' }) }).click();
    await expect(edit.getByRole('checkbox', { name: 'Riceve gli avvisi' })).not.toBeChecked();
    await edit.getByRole('button', { name: 'Salva' }).click();
    await expect(page.getByRole('status')).toHaveText(`Salvato: ${staffId}.`);
    await expect(row).toContainText('g.ferrari@cpi-torino.example.org');
    await expect(row).toContainText('No');
    const stored = await http(stack.baseUrl, 'GET', '/staff?officeId=CPI-TO-01');
    expect(stored.body.find((m: { staffId: string }) => m.staffId === staffId)).toMatchObject({ email: 'g.ferrari@cpi-torino.example.org', active: false, displayName: 'Giulia Ferrari' });
    await expectAccessible(page);
    await screenshots(page, 'admin-staff');
  });

  test('an administrator filters the audit log', async ({ page }) => {
    await signInAsAdministrator(page);
    // Something of this administrator's to find: the catalogues page reads the regions and the programmes.
    await nav(page, 'Cataloghi').click();
    await expect(page.getByRole('button', { name: 'Versioni di GOL-1', exact: true })).toBeVisible();
    await nav(page, 'Registro accessi').click();
    await expect(page.getByRole('heading', { name: 'Registro degli accessi', level: 1 })).toBeVisible();

    await page.getByRole('textbox', { name: 'Utente' }).fill(admin);
    const table = page.getByTestId('audit-table');
    // The audit log is written a moment after each request: apply the filter again until this user's entries are there.
    await expect(async () => {
      await page.getByRole('button', { name: 'Applica i filtri' }).click();
      await expect(table.getByRole('row', { name: /GET \/programmes/ }).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    const subjects = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(subjects.length).toBeGreaterThan(0);
    expect(new Set(subjects)).toEqual(new Set([admin]));
    await expect(page.getByRole('heading', { name: /^Voci trovate: \d+$/ })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'admin-audit');

    await page.getByRole('textbox', { name: 'Utente' }).fill(`nobody-${uniqueSuffix()}`);
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(page.getByText('Nessuna voce con questi filtri.')).toBeVisible();

    // A malformed filter: the API's message at its field.
    const journey = page.getByRole('textbox', { name: 'Percorso' });
    await journey.fill('not-a-journey');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(journey).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.sal-field', { has: journey }).locator('.sal-field-error')).not.toBeEmpty();
    await expectAccessible(page);
  });

  test('an administrator sees a notification whose delivery failed, with its attempt, and retries it', async ({ page, stack }) => {
    const call = <T = any>(method: string, path: string, body?: unknown) => http<T>(stack.baseUrl, method, path, body);
    const office = `CPI-NF-${uniqueSuffix().slice(-6)}`;
    const operator = `op-nf-${uniqueSuffix()}`;
    expect((await call('PUT', `/staff/${operator}`, { officeId: office, role: 'operator', email: 'marco.gallo@cpi-bologna.example.org', displayName: 'Marco Gallo' })).status).toBe(200);
    const journeyId = `jrn_${randomBytes(16).toString('hex')}`;
    const notice: JourneyNotice = {
      key: `${journeyId}:action_overdue:A1@2026-12-15T22:59:59.999Z:operator`,
      journeyId,
      officeId: office,
      programmeCode: 'GOL-1',
      kind: 'action_overdue',
      audience: 'operator',
      operatorId: operator,
      beneficiary: { givenName: 'Sara', familyName: 'Conti', email: null },
      subject: { actionId: 'A1', actionDescription: 'Colloquio di orientamento', dueAt: '2026-12-15T22:59:59.999Z' },
      at: '2026-12-15T23:00:00.000Z',
    };
    await new NotificationService(stack.database.dataSource).notify([notice]);
    // Delivered for real to an SMTP port nobody listens on: one attempt, then failed (the product's worker sends nothing here: no SMTP_URL).
    const transport = new SmtpTransport({ url: `smtp://127.0.0.1:${await getFreePort()}`, timeoutMs: 2_000 });
    const dispatcher = new Dispatcher({
      dataSource: stack.database.dataSource,
      transport,
      mailFrom: 'noreply@sal.invalid',
      tuning: { pollIntervalMs: 50, maxAttempts: 1 },
      log: { info: () => undefined, warn: () => undefined },
    });
    dispatcher.start();
    try {
      await eventually(async () => (await call('GET', `/notifications?journeyId=${journeyId}&status=failed`)).body.total === 1, 'the message to fail');
    } finally {
      await dispatcher.stop();
      transport.close();
    }

    await signInAsAdministrator(page);
    await nav(page, 'Notifiche').click();
    await expect(page.getByRole('heading', { name: 'Notifiche', level: 1 })).toBeVisible();
    const card = page.getByTestId('notification').filter({ hasText: journeyId });
    await expect(card).toContainText('Non riuscito');
    await expect(card).toContainText('marco.gallo@cpi-bologna.example.org');
    await expect(card.getByRole('listitem')).toHaveCount(1);
    await expect(card.getByRole('listitem')).toContainText('non riuscito');
    await expectAccessible(page);
    await screenshots(page, 'admin-notifications');

    await card.getByRole('button', { name: 'Riprova l’invio' }).click();
    await expect(page.getByRole('status')).toHaveText('Il messaggio è di nuovo in coda.');
    // No longer failed: gone from the failed list, pending again with its past attempt still listed.
    await expect(card).toHaveCount(0);
    const after = await call('GET', `/notifications?journeyId=${journeyId}`);
    expect(after.body.items[0]).toMatchObject({ status: 'pending' });
    expect(after.body.items[0].deliveryAttempts).toHaveLength(1);

    await page.getByRole('button', { name: /Stato$/ }).click();
    await page.getByRole('option', { name: 'In attesa', exact: true }).click();
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(card).toContainText('In attesa');
    await expect(card.getByRole('button', { name: 'Riprova l’invio' })).toHaveCount(0);

    // The journeys whose side effects are behind, for an office: none here.
    await page.getByRole('textbox', { name: 'Uffici', exact: true }).fill(office);
    await page.getByRole('button', { name: 'Cerca' }).click();
    await expect(page.getByText('Nessun percorso in ritardo in questi uffici.')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'admin-notifications-pending');
  });
});
