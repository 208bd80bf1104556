import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
import { tokenFor } from '../support/auth';
import { uniqueSuffix } from '../support/env';
import { inSeconds, randomFiscalCode, recentDidDate } from '../support/journeys';
import { http, startProduct, type ProductStack } from '../support/services';
import { eventually } from '../support/wait';

/**
 * Who did it (issue 13): every command records as its actor the caller's token subject, never a value from the body;
 * an administrator acting for a member of staff says so (`onBehalfOf`): the journey records that person, the audit
 * log the administrator.
 */
let db: ThrowawayDatabase;
let product: ProductStack;
const OFFICE = `CPI-ACT-${uniqueSuffix()}`;
const operator = tokenFor('operator', [OFFICE], 'op-vera');
const otherOperator = tokenFor('operator', [OFFICE], 'op-ugo');
const admin = tokenFor('administrator', [], 'admin-ilde');

beforeAll(async () => {
  db = await createThrowawayDatabase();
  product = await startProduct(db.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

const as = (token: string) => <T = any>(method: string, path: string, body?: unknown) => http<T>(product.baseUrl, method, path, body, token);

async function startJourney(): Promise<string> {
  const started = await as(operator)('POST', '/journeys', {
    beneficiary: { fiscalCode: randomFiscalCode(), givenName: 'Ida', familyName: 'Galli' },
    programmeCode: 'GOL-1',
    officeId: OFFICE,
    didDate: recentDidDate(),
  });
  expect(started.status).toBe(201);
  return started.body.journeyId;
}

describe('the actor of a command is the caller', () => {
  it('records the token subject, not an operatorId from the body (accepted and ignored), in the journey, its timeline and the audit log', async () => {
    const journeyId = await startJourney();
    const intake = await as(operator)('POST', `/journeys/${journeyId}/intake`, { operatorId: 'anyone' });
    expect(intake.status).toBe(200);
    expect(intake.body.intake.operatorId).toBe('op-vera');
    // Without the deprecated field at all, the same.
    const pact = await as(otherOperator)('POST', `/journeys/${journeyId}/pact`, {
      responsibleOperatorId: 'op-vera',
      profilingClass: 'medium',
      acceptance: { method: 'signed_in_person' },
      contactFrequency: 'P30D',
      jobSearchProof: 'Elenco mensile delle candidature',
      availability: { workshops: true, training: true, suitableOffers: true },
      actions: [{ kind: 'workshop', description: 'Laboratorio', dueDate: inSeconds(3600) }],
    });
    expect(pact.status).toBe(200);
    const completed = await as(otherOperator)('POST', `/journeys/${journeyId}/pact/actions/A1/complete`, {});
    expect([completed.status, completed.body.actions[0].completedBy]).toEqual([200, 'op-ugo']);

    const timeline = await eventually(async () => {
      const events = (await as(admin)('GET', `/journeys/${journeyId}/events`)).body as { type: string; data: { operatorId?: string } }[];
      return events.length >= 4 ? events : undefined;
    }, 'the timeline');
    expect(timeline.filter((e) => e.data.operatorId !== undefined).map((e) => [e.type, e.data.operatorId])).toEqual([
      ['IntakeRecorded', 'op-vera'],
      ['PactActionCompleted', 'op-ugo'],
    ]);
    // The audit row is written off the command's path (buffered, never lost): wait for it.
    const intakeSubjects = await eventually(async () => {
      const audit = (await as(admin)('GET', `/audit?journeyId=${journeyId}&pageSize=100`)).body.items as { subject: string; route: string; outcome: string }[];
      const subjects = audit.filter((a) => a.route.endsWith('/intake') && a.outcome === 'ok').map((a) => a.subject);
      return subjects.length > 0 ? subjects : undefined;
    }, 'the intake to be audited');
    expect(intakeSubjects).toEqual(['op-vera']);
  });

  it('lets an administrator act on behalf of a member of staff, who the journey records, while the audit log keeps the administrator', async () => {
    const journeyId = await startJourney();
    const intake = await as(admin)('POST', `/journeys/${journeyId}/intake`, { onBehalfOf: 'op-ugo' });
    expect([intake.status, intake.body.intake.operatorId]).toEqual([200, 'op-ugo']);
    // The audit row is written off the command's path (buffered, never lost): wait for it.
    const intakeSubjects = await eventually(async () => {
      const audit = (await as(admin)('GET', `/audit?journeyId=${journeyId}&pageSize=100`)).body.items as { subject: string; route: string; outcome: string }[];
      const subjects = audit.filter((a) => a.route.endsWith('/intake') && a.outcome === 'ok').map((a) => a.subject);
      return subjects.length > 0 ? subjects : undefined;
    }, 'the intake to be audited');
    expect(intakeSubjects).toEqual(['admin-ilde']);
  });

  it('refuses onBehalfOf from anyone but an administrator, writing nothing', async () => {
    const journeyId = await startJourney();
    const refused = await as(operator)('POST', `/journeys/${journeyId}/intake`, { onBehalfOf: 'op-ugo' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await as(operator)('GET', `/journeys/${journeyId}`)).body.stage).toBe('awaiting_intake');
  });
});
