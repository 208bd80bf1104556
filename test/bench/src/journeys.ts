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
  const { journeyId } = await expectStatus(api.request<{ journeyId: string }>('POST', '/journeys', startBody(beneficiary, officeId)), 201, 'POST /journeys');
  await expectStatus(api.request('POST', `/journeys/${journeyId}/intake`, { operatorId: BENCH_OPERATOR }), 200, 'intake');
  await expectStatus(api.request('POST', `/journeys/${journeyId}/pact`, pactBody(dueDates)), 200, 'pact');
  return journeyId;
}
