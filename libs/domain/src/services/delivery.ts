import { romeStartOfDay } from '../dates';
import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { pastInstant, refusal, requireText, type Outcome, type Refused } from '../journey/rules';
import { progressed } from '../progress';
import { serviceAvailability } from './availability';
import type { RecordServiceDeliveryCommand, ServiceDelivered } from './model';
import { mergeOutputs, missingOutputs, validateOutputs } from './outputs';
import { updateService } from './progress';
import { SERVICES, type ServiceOutput } from './service-table';

function recordServiceDelivery(state: JourneyState, c: RecordServiceDeliveryCommand, now: string): Outcome {
  const unavailable = serviceAvailability(state, c.service);
  if (unavailable) return unavailable;
  const invalid = requireText(c.operatorId, 'operatorId', 100) ?? validateHours(c.hours) ?? validateOutputs(c.service, c.outputs ?? {});
  if (invalid) return invalid;
  if (c.completesService !== undefined && typeof c.completesService !== 'boolean') return refusal('INVALID_VALUE', 'must be true or false', 'completesService');
  const completes = c.completesService === true;
  if (completes && SERVICES[c.service].completedBy === 'intake') {
    return refusal('INVALID_VALUE', `${c.service} is completed by the presa in carico: record the intake`, 'completesService');
  }
  const deliveredAt = pastInstant(c.deliveredAt, now, 'deliveredAt', romeStartOfDay(state.didDate), `the DID date ${state.didDate}`);
  if (typeof deliveredAt !== 'string') return deliveredAt;
  const outputs = (c.outputs ?? {}) as ServiceOutput;
  if (completes) {
    const progress = state.serviceProgress.find((s) => s.service === c.service)!;
    const missing = missingOutputs(c.service, { ...progress.outputs, ...outputs } as Record<string, unknown>);
    if (missing.length > 0) {
      return refusal('SERVICE_OUTPUTS_MISSING', `completing ${c.service} needs ${missing.join(', ')}`, `outputs.${missing[0]}`);
    }
  }
  const used = state.serviceProgress.reduce((n, s) => n + s.sessions, 0);
  return [
    {
      type: 'ServiceDelivered',
      data: {
        deliveryId: `D${used + 1}`,
        service: c.service,
        operatorId: c.operatorId,
        deliveredAt,
        hours: c.hours,
        outputs,
        completesService: completes,
      },
    },
  ];
}

function validateHours(hours: unknown): Refused | null {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > 12) {
    return refusal('INVALID_VALUE', 'must be a number of hours above 0 and at most 12 (one session)', 'hours');
  }
  return Math.round(hours * 100) / 100 === hours ? null : refusal('INVALID_VALUE', 'must have at most two decimals', 'hours');
}

function serviceDelivered(state: JourneyState, event: ServiceDelivered): JourneyState {
  const d = event.data;
  return updateService(progressed(state, event.at), d.service, (s) => ({
    ...s,
    status: d.completesService ? 'completed' : 'in_progress',
    hours: roundHours(s.hours + d.hours),
    sessions: s.sessions + 1,
    startedAt: s.startedAt ?? d.deliveredAt,
    completedAt: d.completesService ? d.deliveredAt : null,
    outputs: mergeOutputs(s.outputs, d.outputs),
  }));
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

export const delivery = {
  deciders: { RecordServiceDelivery: recordServiceDelivery },
  evolvers: { ServiceDelivered: serviceDelivered },
  notices: { ServiceDelivered: silent },
};
