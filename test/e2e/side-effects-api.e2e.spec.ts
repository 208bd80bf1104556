import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { tokenFor } from '../support/auth';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * A read model that refuses a journey's data, through the built API and worker (issue 11): the journey's clocks go
 * on, supervisors see who is behind and why (without the data), the metric counts it, and after the fix a retry lets
 * the journey catch up. The worker's log of the failures is checked for personal data by the redaction test.
 */
let db: ThrowawayDatabase;
let product: ProductStack;
const OFFICE = `CPI-SE-${Date.now().toString(36)}`;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const api = <T = any>(method: string, path: string, body?: unknown, token?: string) => http<T>(product.baseUrl, method, path, body, token);

/** A metric's value in `GET /metrics` (Prometheus text), with its stream label when it has one. */
async function metric(name: string, stream?: string): Promise<number> {
  const text = await (await fetch(`${product.baseUrl}/metrics`)).text();
  const series = stream === undefined ? `${name} ` : `${name}{stream="${stream}"} `;
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.split(' ').pop()) : NaN;
}

describe('side effects that fail, through the API', () => {
  it('a journey whose projection is refused keeps its clocks, is listed with why, counted, and catches up after the fix and a retry', async () => {
    const created = await api('POST', '/journeys', {
      beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ottavia', familyName: 'Pellegrinetti', email: 'ottavia.p@example.org' },
      programmeCode: 'GOL-1',
      officeId: OFFICE,
      didDate: recentDidDate(),
    });
    expect(created.status).toBe(201);
    const { journeyId } = created.body;
    expect((await api('POST', `/journeys/${journeyId}/intake`, { operatorId: 'op-conti' })).status).toBe(200);
    await eventually(async () => (await api('GET', `/journeys/${journeyId}/events`)).body?.length === 2, 'the intake projected');

    // The read model starts refusing this journey's next state (as a schema that no longer fits the data would).
    // PostgreSQL's own message for it quotes the whole row, the person's name and fiscal code included: the worker
    // must not pass that on to its log (the redaction test reads it).
    await db.dataSource.query(`ALTER TABLE journeys ADD CONSTRAINT drill_refuses_pacts CHECK (stage <> 'pact_active')`);
    try {
      const pact = await api('POST', `/journeys/${journeyId}/pact`, {
        responsibleOperatorId: 'op-conti',
        profilingClass: 'medium',
        acceptance: { method: 'signed_in_person' },
        contactFrequency: 'P30D',
        jobSearchProof: 'Elenco mensile delle candidature',
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [
          { kind: 'workshop', description: 'Laboratorio', dueDate: inSeconds(8) },
          { kind: 'job_search_act', description: 'Candidature', dueDate: '2099-01-31' },
        ],
      });
      expect(pact.status).toBe(200);

      // The live view says the projection is failing and why; the clocks go on: the action falls overdue.
      const overdue = await eventually(async () => {
        const v = (await api('GET', `/journeys/${journeyId}`)).body;
        return v?.actions?.[0]?.status === 'overdue' && v.sideEffects?.projection?.failing ? v : undefined;
      }, 'the action overdue while the projection fails', { timeoutMs: 90_000 });
      expect(overdue.sideEffects.projection.failing).toMatchObject({ type: 'SideEffectDataError', error: expect.stringMatching(/^PostgreSQL 23514/) });
      expect(overdue.sideEffects.projection.pending).toBeGreaterThan(0);

      // Supervisors of the office see it; another office's do not; the metric counts it.
      const supervisor = tokenFor('supervisor', [OFFICE], 'sup-se');
      const listed = await api('GET', `/supervisor/side-effect-failures?officeId=${OFFICE}`, undefined, supervisor);
      expect(listed.status).toBe(200);
      // The first refused batch holds the pact's event (3) or starts after it: one batch per decision, each written with
      // the state its own events lead to (journey-side-effects-one-v1), so which one the check refuses first depends on
      // whether the next decision joined the waiting batch.
      expect(listed.body.items).toEqual([expect.objectContaining({ journeyId, officeId: OFFICE, stream: 'projection', type: 'SideEffectDataError' })]);
      expect(listed.body.items[0].firstSeq).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(listed.body)).not.toMatch(/Ottavia|Pellegrinetti|example\.org/);
      const elsewhere = tokenFor('supervisor', ['CPI-ELSEWHERE'], 'sup-elsewhere');
      expect((await api('GET', `/supervisor/side-effect-failures?officeId=${OFFICE}`, undefined, elsewhere)).status).toBe(403);
      expect((await api('POST', `/journeys/${journeyId}/side-effects/retry`, undefined, elsewhere)).status).toBe(403);
      expect(await metric('sal_side_effect_failing_journeys', 'projection')).toBe(1);
      expect(await metric('sal_read_model_up')).toBe(1);
    } finally {
      await db.dataSource.query('ALTER TABLE journeys DROP CONSTRAINT drill_refuses_pacts');
    }

    const retried = await api('POST', `/journeys/${journeyId}/side-effects/retry`, undefined, tokenFor('supervisor', [OFFICE], 'sup-se'));
    expect([retried.status, retried.body]).toEqual([202, { journeyId, retryRequested: true }]);
    const caughtUp = await eventually(async () => {
      const v = (await api('GET', `/journeys/${journeyId}`)).body;
      return v.sideEffects.projection.pending === 0 && v.sideEffects.projection.failing === null ? v : undefined;
    }, 'the projection caught up');
    const events = (await api('GET', `/journeys/${journeyId}/events`)).body as { seq: number; type: string }[];
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: caughtUp.lastSeq }, (_, i) => i + 1));
    expect(events.map((e) => e.type)).toContain('PactSigned');
    const listed = await api('GET', `/journeys?officeId=${OFFICE}&overdue=true`);
    expect(listed.body.items.map((j: { journeyId: string }) => j.journeyId)).toEqual([journeyId]);
    expect((await api('GET', `/supervisor/side-effect-failures?officeId=${OFFICE}`)).body.total).toBe(0);
    expect(await metric('sal_side_effect_failing_journeys', 'projection')).toBe(0);
  });
});
