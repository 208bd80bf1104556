import 'reflect-metadata';
import { decide, replay, SERVICE_CODES, serviceOutputFields, serviceOutputsRequired, type JourneyEvent, type JourneyState, type ServiceCode } from '@sal/domain';
import { SERVICE_OUTPUT_DOCS } from './service-outputs';
import { defined, journeyCommands } from './journey-commands';

const AT = '2026-01-20T09:00:00.000Z';

/** A journey taken in charge with a signed pact, on a catalogue that lists no services (any service, any order). */
function journeyUnderPact(): JourneyState {
  const events = [
    {
      seq: 1,
      type: 'JourneyStarted',
      at: AT,
      data: {
        journeyId: 'jrn_0',
        programmeCode: 'TEST',
        officeId: 'CPI-1',
        didDate: '2026-01-15',
        beneficiary: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi' },
        catalogueVersion: 1,
        clocks: { reminderBeforeDue: null, escalationAfter: null, pactDeadline: null, stallAfter: null },
        services: null,
        workingDayClocks: [],
        benefit: null,
      },
    },
    { seq: 2, type: 'IntakeRecorded', at: AT, data: { operatorId: 'op-1', takenInChargeAt: AT, notes: null } },
    {
      seq: 3,
      type: 'PactSigned',
      at: AT,
      data: {
        version: 1,
        responsibleOperatorId: 'op-1',
        profilingClass: 'medium',
        contactFrequency: 'P30D',
        jobSearchProof: null,
        availability: { workshops: true, training: true, suitableOffers: true },
        actions: [{ actionId: 'A1', kind: 'workshop', description: 'Workshop', dueAt: '2099-01-01T00:00:00.000Z' }],
        signedAt: AT,
      },
    },
  ] as JourneyEvent[];
  return replay(events);
}

/** What completing a service needs, asked of the domain itself: add the field it names until it accepts. */
function requiredToComplete(state: JourneyState, service: ServiceCode): string[] {
  const outputs: Record<string, unknown> = {};
  const needed: string[] = [];
  for (let i = 0; i < 10; i++) {
    const decision = decide(state, { type: 'RecordServiceDelivery', service, operatorId: 'op-1', hours: 1, outputs, completesService: true } as never, '2026-01-21T09:00:00.000Z');
    if (decision.ok) return needed;
    if (decision.refusal.code !== 'SERVICE_OUTPUTS_MISSING') throw new Error(`${service}: ${decision.refusal.code} ${decision.refusal.message}`);
    const field = decision.refusal.field!.replace(/^outputs\./, '');
    needed.push(field);
    outputs[field] = field === 'topics' ? ['cv_update'] : /s$/.test(field) && field !== 'skillsSheet' ? ['x'] : 'x';
  }
  throw new Error(`${service}: no end to the required outputs`);
}

describe('the service outputs documentation', () => {
  it('documents exactly the output fields of each service', () => {
    for (const service of SERVICE_CODES) expect([service, Object.keys(SERVICE_OUTPUT_DOCS[service].fields)]).toEqual([service, serviceOutputFields(service)]);
  });

  it('names the outputs the journey requires to complete each service (reception is completed by the intake)', () => {
    const state = journeyUnderPact();
    for (const service of SERVICE_CODES.filter((s) => s !== 'reception')) {
      expect([service, [...requiredToComplete(state, service)].sort()]).toEqual([service, [...serviceOutputsRequired(service)].sort()]);
    }
  });
});

describe('journey commands from request bodies', () => {
  it('leaves out optional fields the client did not give', () => {
    expect(journeyCommands.scheduleAppointment({ service: 'tutoring', purpose: 'workshop', at: '2099-01-01T09:00:00Z', channel: 'video', convocation: 'pec', operatorId: 'op-1' })).toEqual({
      type: 'ScheduleAppointment',
      service: 'tutoring',
      purpose: 'workshop',
      at: '2099-01-01T09:00:00Z',
      channel: 'video',
      convocation: 'pec',
      operatorId: 'op-1',
    });
    expect(journeyCommands.amendPact({ operatorId: 'op-1', reason: 'r', changeActions: [{ actionId: 'A1', dueDate: '2099-02-01' }] })).toEqual({
      type: 'AmendPact',
      operatorId: 'op-1',
      reason: 'r',
      changeActions: [{ actionId: 'A1', dueDate: '2099-02-01' }],
    });
    expect(defined({ a: 1, b: undefined, c: null })).toEqual({ a: 1 });
  });

  it('takes ids and the service from the path', () => {
    expect(journeyCommands.recordServiceDelivery('job_search', { operatorId: 'op-1', hours: 2, outputs: { applicationsSent: 3 } })).toEqual({
      type: 'RecordServiceDelivery',
      service: 'job_search',
      operatorId: 'op-1',
      hours: 2,
      outputs: { applicationsSent: 3 },
    });
    expect(journeyCommands.confirmConditionalityStep('S2', { operatorId: 'op-1' })).toEqual({ type: 'ConfirmConditionalityStep', stepId: 'S2', operatorId: 'op-1' });
  });
});
