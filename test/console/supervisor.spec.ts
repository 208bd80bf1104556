import { readFileSync } from 'node:fs';
import { romeDateOf } from '@sal/domain';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode } from '../support/journeys';
import { http } from '../support/services';
import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

/**
 * A supervisor in the console: the dashboard's tiles, the lists behind them, a CSV export of the whole filtered set,
 * and the KPIs with their tables. The data is made through the API with a catalogue whose clocks are seconds, so the
 * journeys taken in charge stall (`pact_not_signed`) and a pact action falls due while the test watches.
 */
test.describe("a supervisor's screens", () => {
  const suffix = uniqueSuffix().toUpperCase();
  const office = `CPI-SV-${suffix}`;
  const programmeCode = `TEST-SV-${suffix}`;
  const supervisor = `sup-sv-${suffix.toLowerCase()}`;
  const operator = `op-sv-${suffix.toLowerCase()}`;
  const stalledNames = [`Rinaldi${suffix.slice(-4)}`, `Vitale${suffix.slice(-4)}`];
  const overdueName = `Marchetti${suffix.slice(-4)}`;

  test('finds a stalled case from the dashboard, exports the list as CSV, follows the other tiles and reads the KPIs', async ({ page, stack }) => {
    const admin = (method: string, path: string, body?: unknown) => http(stack.baseUrl, method, path, body);
    const published = await admin('PUT', `/programmes/${programmeCode}`, {
      title: 'Console supervisor test',
      clocks: { reminderBeforeDue: 'PT1S', escalationAfter: 'PT2S', pactDeadline: 'PT2S', stallAfter: 'P30D' },
    });
    expect(published.status).toBe(200);
    const start = async (familyName: string) => {
      const started = await admin('POST', '/journeys', {
        beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Carla', familyName },
        programmeCode,
        officeId: office,
        didDate: romeDateOf(Date.now()),
      });
      expect(started.status).toBe(201);
      const journeyId = started.body.journeyId as string;
      expect((await admin('POST', `/journeys/${journeyId}/intake`, { onBehalfOf: operator })).status).toBe(200);
      return journeyId;
    };
    // Two journeys taken in charge whose pact is not signed within the catalogue's two seconds: stalled.
    const stalled = await Promise.all(stalledNames.map(start));
    // One with a pact whose action falls due in a few seconds: an overdue action.
    const withPact = await start(overdueName);
    const pact = await admin('POST', `/journeys/${withPact}/pact`, {
      responsibleOperatorId: operator,
      profilingClass: 'high',
      jobSearchProof: 'Elenco mensile delle candidature inviate',
      acceptance: { method: 'signed_in_person' },
      contactFrequency: 'P30D',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'job_search_act', description: 'Invia tre candidature', dueDate: inSeconds(4) }],
    });
    expect(pact.status).toBe(200);
    // An appointment later today, unless the office is closed today or the day ends first (then the agenda is empty).
    const appointment = await admin('POST', `/journeys/${withPact}/appointments`, {
      service: 'second_level_interview',
      purpose: 'interview',
      at: inSeconds(15 * 60),
      channel: 'in_person',
      location: 'Sportello 2',
      convocation: 'pec',
    });
    const appointmentToday = appointment.status === 201 && romeDateOf(Date.now() + 15 * 60_000) === romeDateOf(Date.now());

    await signInAsDeveloper(page, { role: 'Responsabile di ufficio', offices: office, sub: supervisor });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await nav.getByRole('link', { name: 'Supervisione' }).click();
    await expect(page.getByRole('heading', { name: 'Cruscotto di supervisione', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Cruscotto di supervisione – Servizi al Lavoro');

    // The read model catches up within seconds: the tiles count the two stalled journeys and the overdue action.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('tile-pact_not_signed')).toContainText('2', { timeout: 3_000 });
      await expect(page.getByTestId('tile-overdue')).toContainText('1', { timeout: 3_000 });
    }).toPass({ timeout: 90_000 });
    if (appointmentToday) await expect(page.getByTestId('tile-appointments')).toContainText('1');
    await expect(page.getByTestId('tile-steps')).toContainText('0');
    await expectAccessible(page);
    await screenshots(page, 'supervisor-dashboard');

    // The stalled tile opens the filtered list; the case is there, and the address names no one.
    await page.getByTestId('tile-pact_not_signed').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Casi fermi', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/console\/supervisor\/stalled\?reason=pact_not_signed$/);
    const list = page.getByTestId('stalled-list');
    await expect(list.getByRole('heading', { name: '2 risultati' })).toBeVisible();
    for (const name of stalledNames) await expect(list.getByRole('link', { name: `${name} Carla` })).toBeVisible();
    await expect(list.getByRole('link', { name: `${overdueName} Carla` })).toHaveCount(0);
    for (const name of [...stalledNames, overdueName]) expect(page.url()).not.toContain(name);
    await expectAccessible(page);
    await screenshots(page, 'supervisor-stalled');

    // Export CSV: the whole filtered set, fetched with the token and saved as a file.
    const downloading = page.waitForEvent('download');
    await list.getByRole('button', { name: 'Esporta CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('stalled-cases.csv');
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('journeyId,officeId,programmeCode,stage,operatorId,familyName,givenName,stalledSince,daysStalled,reasons,overdueActionCount');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((cells) => cells[0]).sort()).toEqual([...stalled].sort());
    expect(rows.map((cells) => cells[5]).sort()).toEqual([...stalledNames].sort());
    expect(rows.every((cells) => cells[1] === office && cells[3] === 'awaiting_pact' && cells[9] === 'pact_not_signed')).toBe(true);

    // A filter from the form: the journeys stalled at another stage are none.
    await page.getByRole('button', { name: /Fase$/ }).click();
    await page.getByRole('option', { name: 'Patto attivo', exact: true }).click();
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(page).toHaveURL(/stage=pact_active/);
    await expect(list.getByRole('heading', { name: '0 risultati' })).toBeVisible();
    await expect(list.getByText('Nessun risultato con questi filtri.')).toBeVisible();

    // The overdue actions behind their tile.
    await nav.getByRole('link', { name: 'Supervisione' }).click();
    await page.getByTestId('tile-overdue').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Azioni scadute', level: 1 })).toBeVisible();
    const overdue = page.getByTestId('overdue-list');
    await expect(overdue.getByRole('link', { name: `${overdueName} Carla` })).toBeVisible();
    await expect(overdue.getByText('Ricerca attiva: Invia tre candidature')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'supervisor-overdue');

    // The agenda: today's appointments, then the week.
    await nav.getByRole('link', { name: 'Supervisione' }).click();
    await page.getByTestId('tile-appointments').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Agenda degli appuntamenti', level: 1 })).toBeVisible();
    const agenda = page.getByTestId('agenda-list');
    if (appointmentToday) await expect(agenda.getByRole('link', { name: `${overdueName} Carla` })).toBeVisible();
    else await expect(agenda.getByRole('heading', { name: /risultati$/ })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'supervisor-agenda-day');
    await page.getByRole('button', { name: 'Settimana', exact: true }).click();
    await expect(page).toHaveURL(/view=week/);
    await expect(page.getByTestId('agenda-period')).toContainText('Settimana dal');
    if (appointmentToday) await expect(agenda.getByRole('link', { name: `${overdueName} Carla` })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'supervisor-agenda-week');

    // Conditionality steps awaiting a decision: none in this office.
    await nav.getByRole('link', { name: 'Supervisione' }).click();
    await page.getByTestId('tile-steps').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Passi di condizionalità', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/status=proposed/);
    await expect(page.getByTestId('steps-list').getByRole('heading', { name: '0 risultati' })).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'supervisor-steps');

    // The KPIs: charts, and the same numbers in tables.
    await nav.getByRole('link', { name: 'Supervisione' }).click();
    await page.getByRole('link', { name: 'Apri gli indicatori' }).click();
    await expect(page.getByRole('heading', { name: 'Indicatori', level: 1 })).toBeVisible();
    const stages = page.getByRole('table', { name: 'Percorsi per fase' });
    await expect(stages.getByRole('row', { name: /In attesa del patto/ }).getByRole('cell')).toHaveText('2');
    await expect(stages.getByRole('row', { name: /Patto attivo/ }).getByRole('cell')).toHaveText('1');
    await expect(page.getByRole('table', { name: 'Ore di servizi erogate' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dalla presa in carico al patto' })).toBeVisible();
    await expect(page.getByTestId('kpi-stages').locator('.recharts-surface')).toBeVisible();
    await expectAccessible(page);
    await screenshots(page, 'supervisor-kpis');

    // In English, the same figures under the English catalogue's headings.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Figures', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Journeys by stage' }).getByRole('row', { name: /Awaiting the pact/ }).getByRole('cell')).toHaveText('2');
    await page.getByRole('button', { name: 'Italiano' }).click();
    await expect(page.getByRole('heading', { name: 'Indicatori', level: 1 })).toBeVisible();

    // A period that ends before it starts: the API's message beside the field.
    await page.getByRole('textbox', { name: 'Dal giorno', exact: true }).fill('10/03/2026');
    await page.getByRole('textbox', { name: 'Al giorno', exact: true }).fill('01/03/2026');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(page.getByRole('textbox', { name: 'Al giorno', exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('an operator has no supervision link, and the screens say they are for supervisors', async ({ page }) => {
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Supervisione' })).toHaveCount(0);
    await page.goto('/console/supervisor');
    await expect(page.getByRole('alert')).toContainText('Queste schermate sono per i responsabili di ufficio');
  });
});
