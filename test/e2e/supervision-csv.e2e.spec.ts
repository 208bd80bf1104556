import { romeDateOf } from '@sal/domain';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { randomFiscalCode } from '../support/journeys';
import { productForFile } from '../support/product';
import { eventually } from '../support/wait';

/**
 * The CSV form of the supervisors' lists (`Accept: text/csv`): the whole filtered set, not the page asked for, with the
 * list's filters and office scoping, audited like the JSON form. The catalogue's pact deadline is seconds long, so the
 * journeys taken in charge stall (`pact_not_signed`) while the test watches.
 */
const suffix = uniqueSuffix().toUpperCase();
const programmeCode = `TEST-CSV-${suffix}`;
const office = `CPI-CSV-${suffix}`;
const otherOffice = `CPI-CSX-${suffix}`;
const SUPERVISOR = `sup-csv-${suffix.toLowerCase()}`;
const product = productForFile({}, async (p) => {
  const published = await p.as()('PUT', `/programmes/${programmeCode}`, {
    title: 'CSV export test',
    clocks: { reminderBeforeDue: 'P1D', escalationAfter: 'P1D', pactDeadline: 'PT2S', stallAfter: 'P30D' },
  });
  expect(published.status).toBe(200);
});
const admin = product.as();

async function stalledJourney(officeId: string, familyName: string): Promise<string> {
  const started = await admin('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Anna', familyName },
    programmeCode,
    officeId,
    didDate: romeDateOf(Date.now()),
  });
  expect(started.status).toBe(201);
  const intake = await admin('POST', `/journeys/${started.body.journeyId}/intake`, {});
  expect(intake.status).toBe(200);
  return started.body.journeyId;
}

async function csv(path: string, token: string): Promise<{ status: number; type: string | null; disposition: string | null; lines: string[] }> {
  const response = await fetch(`${product.stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    lines: text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean),
  };
}

describe('CSV export of the supervisors lists', () => {
  it('exports the whole filtered set of stalled cases of the offices asked for, audited, refusing offices outside the caller', async () => {
    const ours = await Promise.all(['Bruno', 'Colombo', 'De Luca', 'Esposito, jr', 'Ferrari'].map((name) => stalledJourney(office, name)));
    const theirs = await stalledJourney(otherOffice, 'Galli');
    const supervisor = tokenFor('supervisor', [office], SUPERVISOR);
    const asSupervisor = product.as(supervisor);
    await eventually(async () => {
      const page = await asSupervisor('GET', `/supervisor/stalled-cases?officeId=${office}&reason=pact_not_signed&pageSize=2`);
      return page.body.total === ours.length && page.body;
    }, 'the five journeys of the office to be listed as stalled (pact_not_signed)', { timeoutMs: 60_000 });
    const administrator = tokenFor('administrator', [], 'admin-test');
    await eventually(async () => {
      const page = await product.as(administrator)('GET', `/supervisor/stalled-cases?officeId=${otherOffice}&reason=pact_not_signed`);
      return page.body.total === 1 && page.body;
    }, 'the other office\'s journey to be listed as stalled too', { timeoutMs: 60_000 });

    // The JSON form still answers one page of two; the CSV the five, whatever page was asked for.
    const exported = await csv(`/supervisor/stalled-cases?officeId=${office}&reason=pact_not_signed&page=2&pageSize=2`, supervisor);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('text/csv; charset=utf-8');
    expect(exported.disposition).toBe('attachment; filename="stalled-cases.csv"');
    expect(exported.lines[0]).toBe('journeyId,officeId,programmeCode,stage,operatorId,familyName,givenName,stalledSince,daysStalled,reasons,overdueActionCount');
    const rows = exported.lines.slice(1).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '')));
    expect(rows.map((cells) => cells[0]).sort()).toEqual([...ours].sort());
    expect(rows.every((cells) => cells[1] === office && cells[2] === programmeCode && cells[3] === 'awaiting_pact' && cells[9] === 'pact_not_signed')).toBe(true);
    expect(rows.map((cells) => cells[5]).sort()).toEqual(['"Esposito, jr"', 'Bruno', 'Colombo', 'De Luca', 'Ferrari']);
    expect(exported.lines.join('\n')).not.toContain(theirs);

    // The list's filters apply: no journey of the office has an overdue action.
    expect((await csv(`/supervisor/stalled-cases?officeId=${office}&reason=overdue_action`, supervisor)).lines).toHaveLength(1);
    // An administrator may export both offices at once.
    const both = await csv(`/supervisor/stalled-cases?officeId=${office}&officeId=${otherOffice}`, administrator);
    expect(both.lines).toHaveLength(1 + ours.length + 1);
    // Office scoping and validation are the JSON form's.
    const refused = await csv(`/supervisor/stalled-cases?officeId=${otherOffice}`, supervisor);
    expect(refused.status).toBe(403);
    expect((await csv('/supervisor/stalled-cases', supervisor)).status).toBe(400);

    // Audited like any read.
    const audit = await eventually(async () => {
      const { body } = await admin('GET', `/audit?subject=${SUPERVISOR}&pageSize=200`);
      const entries = (body.items as { route: string; status: number }[]).filter((e) => e.route === '/supervisor/stalled-cases');
      return entries.some((e) => e.status === 403) && entries.filter((e) => e.status === 200).length >= 3 && entries;
    }, 'the exports to be in the audit log');
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it('exports overdue actions, appointments and conditionality steps with their own columns', async () => {
    const supervisor = tokenFor('supervisor', [office], SUPERVISOR);
    const overdue = await csv(`/supervisor/overdue-actions?officeId=${office}`, supervisor);
    expect(overdue).toMatchObject({ status: 200, disposition: 'attachment; filename="overdue-actions.csv"' });
    expect(overdue.lines).toEqual(['journeyId,actionId,officeId,operatorId,kind,description,dueAt,daysOverdue,escalatedAt,familyName,givenName']);
    const appointments = await csv(`/supervisor/appointments?officeId=${office}&from=2026-01-01&to=2026-01-07`, supervisor);
    expect(appointments.status).toBe(200);
    expect(appointments.lines[0]).toMatch(/^journeyId,appointmentId,officeId,programmeCode,service,purpose,at,/);
    const steps = await csv(`/supervisor/conditionality-steps?officeId=${office}&status=proposed`, supervisor);
    expect(steps.status).toBe(200);
    expect(steps.lines[0]).toMatch(/^journeyId,stepId,officeId,programmeCode,ladder,ordinal,effect,status,proposedAt,/);
    // Without Accept: text/csv the lists answer JSON as before.
    const json = await product.as(supervisor)('GET', `/supervisor/overdue-actions?officeId=${office}`);
    expect(json.body).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
  });
});
