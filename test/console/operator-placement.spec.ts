import type { Locator, Page } from '@playwright/test';
import { romeDateOf } from '@sal/domain';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http } from '../support/services';
import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

/**
 * An operator's whole path in the browser, on the forms the console builds from each command's shape: start, intake,
 * the pact, an action completed, a service delivered, an offer accepted, the placement that closes the journey; a
 * no-show with its justification; and the main path (find a case, sign a pact, complete an action) with the keyboard
 * alone. The catalogue's clocks are short or off, so nothing falls due while the test types.
 */

/** YYYY-MM-DD, `days` from today in Rome. */
const day = (days: number) => romeDateOf(Date.now() + days * 86_400_000);
/** The same day as an Italian types it (31/03/2026), as the console's date fields take it. */
const typedDay = (days: number) => day(days).split('-').reverse().join('/');

/** Opens a react-aria Select by its label (its button's name ends with it) and picks an option, with the pointer. */
async function choose(scope: Page | Locator, page: Page, label: string, option: string): Promise<void> {
  await scope.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The generic form of a command, opened from "Altre operazioni". */
async function openCommand(page: Page, title: string): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Altre operazioni' });
  await choose(panel, page, 'Operazione', title);
  const form = page.getByRole('region', { name: title, exact: true });
  await expect(form).toBeVisible();
  return form;
}

/** What the page's functions use of the browser (the test project has no DOM types). */
interface BrowserGlobals {
  document: { activeElement: FocusedElement };
  getComputedStyle(element: FocusedElement): { outlineStyle: string; outlineWidth: string; boxShadow: string };
}
interface FocusedElement {
  tagName: string;
  matches(selector: string): boolean;
}

/** Presses `key` (Tab, Shift+Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, key = 'Tab', max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === (globalThis as unknown as BrowserGlobals).document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${String(target)} never had the focus after ${max} presses of ${key}`);
}

/** The focused element shows its focus: it matches :focus-visible and draws an outline or a shadow. */
async function expectFocusVisible(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const browser = globalThis as unknown as BrowserGlobals;
    const element = browser.document.activeElement;
    const style = browser.getComputedStyle(element);
    return {
      tag: element.tagName,
      focusVisible: element.matches(':focus-visible'),
      drawn: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
  expect(focus, `focus on ${focus.tag}`).toMatchObject({ focusVisible: true, drawn: true });
}

test.describe("an operator's whole path, on every command's form", () => {
  const suffix = uniqueSuffix().toUpperCase();
  const office = `CPI-PL-${suffix}`;
  const programmeCode = `TEST-PL-${suffix}`;
  const operator = `op-pl-${suffix.toLowerCase()}`;

  test.beforeAll(async ({ stack }) => {
    const published = await http(stack.baseUrl, 'PUT', `/programmes/${programmeCode}`, {
      title: 'Console placement test',
      clocks: {
        reminderBeforeDue: null,
        escalationAfter: null,
        pactDeadline: null,
        stallAfter: null,
        firstContactAfterDid: 'P30D',
        firstContactAfterBenefitClaim: 'P15D',
        appointmentReminderBefore: 'PT2S',
        // Long enough to justify a no-show by hand on a busy machine.
        justificationWindow: 'PT10M',
        offerExcuseWindow: 'P2D',
        appealWindow: 'P30D',
        defaultContactFrequency: 'P30D',
      },
      services: [
        { service: 'reception', after: [] },
        { service: 'second_level_interview', after: ['reception'] },
        { service: 'path_definition', after: ['second_level_interview'] },
        { service: 'job_search', after: ['second_level_interview'] },
      ],
    });
    expect(published.status).toBe(200);
  });

  /** A journey started, taken in charge and (unless `pact` is false) with a signed pact, through the API. */
  async function journeyThroughApi(baseUrl: string, familyName: string, pact = true): Promise<string> {
    const started = await http(baseUrl, 'POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Marta', familyName },
      programmeCode,
      officeId: office,
      didDate: day(-5),
    });
    expect(started.status).toBe(201);
    const journeyId = started.body.journeyId as string;
    expect((await http(baseUrl, 'POST', `/journeys/${journeyId}/intake`, { onBehalfOf: operator })).status).toBe(200);
    if (pact) {
      const signed = await http(baseUrl, 'POST', `/journeys/${journeyId}/pact`, {
        responsibleOperatorId: operator,
        profilingClass: 'medium',
        jobSearchProof: 'Elenco mensile delle candidature inviate',
        acceptance: { method: 'signed_in_person' },
        availability: { workshops: true, training: true, suitableOffers: true },
        contactFrequency: 'P30D',
        actions: [{ kind: 'workshop', description: 'Laboratorio CV', dueDate: day(30) }],
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    return journeyId;
  }

  test('start, intake, pact, an action, a service, an offer accepted, the placement that closes the journey', async ({ page }) => {
    const person = { givenName: 'Giulia', familyName: `Bertolino${suffix.slice(-4)}`, fiscalCode: randomFiscalCode() };
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Nuovo percorso' }).click();
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(person.givenName);
    await page.getByRole('textbox', { name: 'Cognome', exact: true }).fill(person.familyName);
    await page.getByRole('textbox', { name: 'Codice fiscale', exact: true }).fill(person.fiscalCode);
    await choose(page, page, 'Programma', programmeCode);
    await page.getByRole('textbox', { name: 'Data della DID', exact: true }).fill(day(-5));
    await page.getByRole('button', { name: 'Avvia il percorso' }).click();
    await expect(page).toHaveURL(/\/console\/journeys\/jrn_[0-9a-f]{32}$/);
    await expect(page.getByTestId('journey-stage')).toHaveText('In attesa di presa in carico');

    // Before the pact, a command naming an offer cannot be sent: the journey has none, and the form says so.
    const answer = await openCommand(page, 'Registra la risposta a un’offerta');
    await expect(answer.getByTestId('disabled-reason')).toHaveText('Non disponibile: nel percorso non c’è ancora nessun elemento «Offerta».');
    await expect(answer.getByRole('button', { name: 'Invia' })).toBeDisabled();
    await expectAccessible(page);
    await screenshots(page, 'command-disabled');

    await page.getByRole('region', { name: 'Registra la presa in carico' }).getByRole('button', { name: 'Invia' }).click();
    await expect(page.getByTestId('journey-stage')).toHaveText('In attesa del patto');
    const pact = page.getByRole('region', { name: 'Firma il patto di servizio' });
    await pact.getByRole('textbox', { name: 'Come la persona dimostra la ricerca attiva', exact: true }).fill('Report mensile delle candidature');
    await pact.getByRole('textbox', { name: 'Descrizione', exact: true }).fill('Laboratorio di scrittura del CV');
    await pact.getByRole('textbox', { name: 'Scadenza', exact: true }).fill(typedDay(30));
    await pact.getByRole('button', { name: 'Invia' }).click();
    await expect(page.getByTestId('journey-stage')).toHaveText('Patto attivo');
    await page.getByRole('region', { name: /Completa l’azione A1/ }).getByRole('button', { name: 'Segna come completata' }).click();
    await expect(page.getByTestId('action-status-A1')).toHaveText('Completata');

    // A service: the second-level interview, delivered in one session of two hours that completes it.
    const delivery = await openCommand(page, 'Registra l’erogazione di un servizio');
    await choose(delivery, page, 'Servizio', 'Colloquio di secondo livello');
    // A field the API refuses shows its own message beside it.
    await delivery.getByRole('textbox', { name: 'Ore', exact: true }).fill('-2');
    await delivery.getByRole('button', { name: 'Invia' }).click();
    await expect(delivery.getByRole('alert')).toContainText('Alcuni dati non sono corretti');
    await expect(delivery.getByRole('textbox', { name: 'Ore', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await screenshots(page, 'command-service-invalid');
    await delivery.getByRole('textbox', { name: 'Ore', exact: true }).fill('2');
    await delivery.getByRole('textbox', { name: 'Esiti', exact: true }).fill('cv = CV-2026-014\ndevelopmentAreasSheet = SAF-2026-014');
    await delivery.locator('label', { hasText: 'Conclude il servizio' }).click();
    await delivery.getByRole('button', { name: 'Invia' }).click();
    await expect(delivery.getByRole('status')).toHaveText('Operazione registrata.');
    await expect(page.getByRole('region', { name: 'Servizi', exact: true })).toContainText('Colloquio di secondo livello: Completato');

    // An offer, suitable, communicated by PEC; then the person's answer: accepted.
    const offer = await openCommand(page, 'Registra un’offerta di lavoro');
    await offer.getByRole('textbox', { name: 'Datore di lavoro', exact: true }).fill('Logistica Piemonte S.r.l.');
    await offer.getByRole('textbox', { name: 'Posizione', exact: true }).fill('Magazziniere');
    await offer.locator('label', { hasText: /^Offerta congrua$/ }).click();
    await choose(offer, page, 'Comunicata tramite', 'PEC');
    await expectAccessible(page);
    await screenshots(page, 'command-offer');
    await offer.getByRole('button', { name: 'Invia' }).click();
    await expect(offer.getByRole('status')).toHaveText('Operazione registrata.');
    await expect(page.getByText('Logistica Piemonte S.r.l. · Magazziniere')).toBeVisible();

    const response = await openCommand(page, 'Registra la risposta a un’offerta');
    await expect(response.getByRole('button', { name: /O1 · Magazziniere/ })).toBeVisible();
    await choose(response, page, 'Risposta', 'Accettata');
    await response.getByRole('button', { name: 'Invia' }).click();
    await expect(response.getByRole('status')).toHaveText('Operazione registrata.');

    // The placement, from the offer: it closes the journey as placed.
    const placement = await openCommand(page, 'Registra l’inserimento lavorativo');
    await placement.getByRole('textbox', { name: 'Datore di lavoro', exact: true }).fill('Logistica Piemonte S.r.l.');
    await choose(placement, page, 'Tipo di contratto', 'Tempo indeterminato');
    // Typed as an Italian writes it (gg/mm/aaaa): the form sends the API's YYYY-MM-DD.
    await placement.getByRole('textbox', { name: 'Data di inizio', exact: true }).fill(day(0).split('-').reverse().join('/'));
    await placement.getByRole('textbox', { name: 'Ore settimanali', exact: true }).fill('40');
    await placement.getByRole('textbox', { name: 'Offerta', exact: true }).fill('O1');
    await expectAccessible(page);
    await screenshots(page, 'command-placement');
    await placement.getByRole('button', { name: 'Invia' }).click();
    await expect(page.getByTestId('journey-stage')).toHaveText('Chiuso');
    await expect(page.getByRole('region', { name: 'Altre operazioni' })).toHaveCount(0);
    const timeline = page.locator('.sal-timeline');
    await expect(timeline.getByText('Inserimento lavorativo registrato', { exact: true })).toBeVisible();
    await expect(timeline.getByText('Percorso chiuso', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'journey-placed');
  });

  test('the main path with the keyboard alone: the case found in My cases, the pact signed, an action completed', async ({ page, stack }) => {
    const familyName = `Greco${suffix.slice(-4)}`;
    const journeyId = await journeyThroughApi(stack.baseUrl, familyName, false);
    // The list is the read model's: wait until it has the intake.
    await expect
      .poll(async () => (await http(stack.baseUrl, 'GET', `/journeys/${journeyId}`)).body?.sideEffects?.projection?.pending, { timeout: 60_000 })
      .toBe(0);
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();

    // From here on, only the keyboard.
    const casesLink = page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'I miei casi' });
    await tabTo(page, casesLink);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'I miei casi', level: 1 })).toBeVisible();
    const row = page.getByRole('link', { name: `${familyName} Marta` });
    await expect(row).toBeVisible();
    await tabTo(page, row);
    await expectFocusVisible(page);
    await screenshots(page, 'keyboard-cases');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/console/journeys/${journeyId}$`));
    await expect(page.getByTestId('journey-stage')).toHaveText('In attesa del patto');

    const pact = page.getByRole('region', { name: 'Firma il patto di servizio' });
    await tabTo(page, pact.getByRole('textbox', { name: 'Come la persona dimostra la ricerca attiva', exact: true }));
    await expectFocusVisible(page);
    await page.keyboard.type('Report mensile delle candidature');
    await tabTo(page, pact.getByRole('textbox', { name: 'Descrizione', exact: true }));
    await page.keyboard.type('Tre candidature a settimana');
    await page.keyboard.press('Tab');
    await expect(pact.getByRole('textbox', { name: 'Scadenza', exact: true })).toBeFocused();
    await page.keyboard.type(typedDay(30));
    // Back and forth: Shift+Tab returns to the description, as typed.
    await page.keyboard.press('Shift+Tab');
    await expect(pact.getByRole('textbox', { name: 'Descrizione', exact: true })).toBeFocused();
    await expect(pact.getByRole('textbox', { name: 'Descrizione', exact: true })).toHaveValue('Tre candidature a settimana');
    const send = pact.getByRole('button', { name: 'Invia' });
    await tabTo(page, send);
    await expectFocusVisible(page);
    await screenshots(page, 'keyboard-pact');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('journey-stage')).toHaveText('Patto attivo');

    const complete = page.getByRole('region', { name: /Completa l’azione A1/ }).getByRole('button', { name: 'Segna come completata' });
    await tabTo(page, complete);
    await expectFocusVisible(page);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('action-status-A1')).toHaveText('Completata');
    await expectAccessible(page);
    await screenshots(page, 'keyboard-action-completed');
  });

  test('a no-show at a convened appointment, its lapse, and the justification accepted', async ({ page, stack }) => {
    const journeyId = await journeyThroughApi(stack.baseUrl, `Colombo${suffix.slice(-4)}`);
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await page.goto(`/console/journeys/${journeyId}`);
    await expect(page.getByTestId('journey-stage')).toHaveText('Patto attivo');

    const booking = await openCommand(page, 'Fissa un appuntamento');
    await choose(booking, page, 'Servizio', 'Colloquio di secondo livello');
    await choose(booking, page, 'Scopo', 'Colloquio');
    // Ahead enough for the form to be filled on a busy machine: the journey refuses a time that is not in the future.
    const at = inSeconds(45);
    await booking.getByRole('textbox', { name: /^Data e ora/ }).fill(at);
    await choose(booking, page, 'Canale', 'In presenza');
    await booking.getByRole('textbox', { name: 'Luogo', exact: true }).fill('CPI, sportello 4');
    await choose(booking, page, 'Convocazione', 'PEC');
    await expectAccessible(page);
    await screenshots(page, 'command-appointment');
    await booking.getByRole('button', { name: 'Invia' }).click();
    await expect(booking.getByRole('status')).toHaveText('Operazione registrata.');
    const appointments = page.getByRole('region', { name: 'Appuntamenti', exact: true });
    await expect(appointments).toContainText('Programmato');

    // Once its time has passed (the journey refuses an outcome before it), the person did not come.
    await expect.poll(() => Date.now() > Date.parse(at) + 1_000, { timeout: 120_000 }).toBe(true);
    const outcome = page.getByRole('region', { name: /Esito dell’appuntamento del/ });
    await outcome.locator('label', { hasText: 'La persona non si è presentata' }).click();
    await outcome.getByRole('button', { name: 'Registra l’esito' }).click();
    await expect(appointments).toContainText('Assenza');
    const justify = page.getByRole('region', { name: /Giustificazione della mancanza del/ });
    await expect(justify).toBeVisible();
    await expect(page.getByText(/In attesa di giustificazione/)).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'journey-lapse');

    await choose(justify, page, 'Motivo', 'Convocazione in tribunale');
    await justify.getByRole('button', { name: 'Registra la giustificazione' }).click();
    await expect(page.getByText(/Giustificata/)).toBeVisible();
    await expect(justify).toHaveCount(0);
    await expectAccessible(page);
    await screenshots(page, 'journey-lapse-justified');
  });
});
