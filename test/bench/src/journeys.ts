import { romeDateOf, type Beneficiary, type PactActionKind } from '@sal/domain';
import type { JsonAnswer, JsonHttpClient } from './http';
import { makePerson } from './seed/people';
import { Random } from './seed/random';

/**
 * The programme of the journeys the scenarios drive. The seeded read model uses GOL-1..4, so a scenario's person can
 * never collide with a seeded journey (same person and programme = same journey id).
 */
export const BENCH_PROGRAMME = 'GOL-5';
export const BENCH_OPERATOR = 'op-bench-01';

/** Distinct people (every one with an e-mail address, so every notice has somewhere to go). */
export class People {
  private readonly r: Random;
  private readonly seen = new Set<string>();

  constructor(seed: number) {
    this.r = new Random(seed);
  }

  next(): Beneficiary {
    for (;;) {
      const { beneficiary } = makePerson(this.r, 'L219', ['F205', 'H501', 'F839'], new Date());
      if (this.seen.has(beneficiary.fiscalCode)) continue;
      this.seen.add(beneficiary.fiscalCode);
      const handle = beneficiary.fiscalCode.slice(0, 11).toLowerCase();
      return { ...beneficiary, email: beneficiary.email ?? `${handle}@example.it` };
    }
  }
}

/** A DID some weeks ago: the API refuses one in the future. */
export function recentDidDate(): string {
  return romeDateOf(Date.now() - 30 * 86_400_000);
}

/** The body of POST /journeys. */
export function startBody(beneficiary: Beneficiary, officeId: string): object {
  return { beneficiary, programmeCode: BENCH_PROGRAMME, officeId, didDate: recentDidDate() };
}

/** The body of POST /journeys/{id}/pact: actions due at the given dates or instants. */
export function pactBody(dueDates: string[], kind: PactActionKind = 'job_search_act'): object {
  return {
    responsibleOperatorId: BENCH_OPERATOR,
    profilingClass: 'medium',
    acceptance: { method: 'signed_in_person' },
    contactFrequency: 'P30D',
    jobSearchProof: 'Elenco mensile delle candidature inviate',
    availability: { workshops: true, training: true, suitableOffers: true },
    actions: dueDates.map((dueDate, i) => ({ kind, description: `Azione ${i + 1} del patto`, dueDate })),
  };
}

export async function expectStatus<T>(answer: Promise<JsonAnswer<T>>, status: number, what: string): Promise<T> {
  const { status: actual, body } = await answer;
  if (actual !== status) throw new Error(`${what} answered ${actual}: ${JSON.stringify(body)}`);
  return body;
}

/** Starts a journey through the API and takes it to pact_active with actions due at `dueDates`. Returns its id. */
export async function journeyInPact(api: JsonHttpClient, beneficiary: Beneficiary, officeId: string, dueDates: string[]): Promise<string> {
  const journeyId = await startJourney(api, beneficiary, officeId);
  await setUp(api, 'POST', `/journeys/${journeyId}/intake`, { operatorId: BENCH_OPERATOR }, 'intake');
  await setUp(api, 'POST', `/journeys/${journeyId}/pact`, pactBody(dueDates), 'pact');
  return journeyId;
}

/** POST /journeys as set-up (see setUp): the new journey's id. */
export async function startJourney(api: JsonHttpClient, beneficiary: Beneficiary, officeId: string): Promise<string> {
  const body = await setUp<{ journeyId?: string; error?: { journeyId?: string } }>(api, 'POST', '/journeys', startBody(beneficiary, officeId), 'POST /journeys', 201);
  const journeyId = body.journeyId ?? body.error?.journeyId;
  if (!journeyId) throw new Error(`POST /journeys answered no journey id: ${JSON.stringify(body)}`);
  return journeyId;
}

const SETUP_ATTEMPTS = 6;
const SETUP_RETRY_MS = 2_000;
let setupRetries = 0;

/** How many set-up requests were answered 503 and sent again so far (scenarios note it: the server was overloaded). */
export function setUpRetryCount(): number {
  return setupRetries;
}

/**
 * A request that prepares a measurement (never one that is timed). On an overloaded 2-core machine the API may answer
 * 503 (TEMPORAL_UNAVAILABLE, WORKER_UNAVAILABLE: "nothing was done, or it may still be applied; retry later"), so it
 * is sent again after a pause, as a client should. If an earlier attempt was applied after all, the retry is refused
 * with 409 `…_ALREADY_…` (JOURNEY_ALREADY_EXISTS, INTAKE_ALREADY_RECORDED, PACT_ALREADY_SIGNED,
 * PACT_ACTION_ALREADY_COMPLETED): that counts as done.
 */
export async function setUp<T = unknown>(api: JsonHttpClient, method: string, path: string, body: unknown, what: string, status = 200, token?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await api.request<T & { error?: { code?: string } }>(method, path, body, token ?? api.token);
    if (answer.status === status) return answer.body;
    const code = answer.body?.error?.code ?? '';
    if (attempt > 1 && answer.status === 409 && code.includes('_ALREADY_')) return answer.body;
    if (answer.status !== 503 || attempt >= SETUP_ATTEMPTS) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    setupRetries++;
    await new Promise((resolve) => setTimeout(resolve, SETUP_RETRY_MS * attempt));
  }
}
