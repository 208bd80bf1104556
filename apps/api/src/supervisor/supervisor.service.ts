import { Injectable } from '@nestjs/common';
import { canonicalInstant, JOURNEY_STAGES, romeEndOfDay, romeStartOfDay, SERVICE_CODES, STALL_REASONS, toMillis } from '@sal/domain';
import { ReadModelService } from '../database/read-model.service';
import type { AppointmentsQuery, ConditionalityStepsQuery, ServicesQuery } from './dto/services-queries';
import { periodBound } from './period';
import type { AppointmentPageDto, ConditionalityStepPageDto, ServiceFiguresPageDto } from './dto/services-responses';
import type { KpisQuery, OverdueActionsQuery, StalledCasesQuery } from './dto/supervisor-queries';
import type { KpisDto, OverdueActionPageDto, StalledCasePageDto } from './dto/supervisor-responses';

/**
 * What supervisors ask, answered from the read model (eventually consistent with the journeys, usually within a
 * second). Every question is scoped to the offices the request names.
 */
@Injectable()
export class SupervisorService {
  constructor(private readonly readModel: ReadModelService) {}

  stalledCases(q: StalledCasesQuery): Promise<StalledCasePageDto> {
    return this.readModel.use((m) =>
      m.supervision.stalledCases({
        officeIds: q.officeId,
        operatorId: q.operatorId,
        stage: q.stage,
        reason: q.reason,
        minDays: q.minDays,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
  }

  overdueActions(q: OverdueActionsQuery): Promise<OverdueActionPageDto> {
    return this.readModel.use((m) =>
      m.supervision.overdueActions({
        officeIds: q.officeId,
        operatorId: q.operatorId,
        kind: q.kind,
        minDaysOverdue: q.minDaysOverdue,
        escalated: q.escalated,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
  }

  /** A bare day in `from`/`to` is a Rome calendar day, both ends included; an instant is taken as it is. */
  appointments(q: AppointmentsQuery): Promise<AppointmentPageDto> {
    return this.readModel.use((m) =>
      m.supervision.appointments({
        officeIds: q.officeId,
        from: q.from === undefined ? undefined : periodBound(q.from, 'from'),
        to: q.to === undefined ? undefined : periodBound(q.to, 'to'),
        status: q.status,
        service: q.service,
        purpose: q.purpose,
        convocationValid: q.convocationValid,
        programmeCode: q.programmeCode,
        operatorId: q.operatorId,
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
  }

  conditionalitySteps(q: ConditionalityStepsQuery): Promise<ConditionalityStepPageDto> {
    return this.readModel.use((m) =>
      m.supervision.conditionalitySteps({
        officeIds: q.officeId,
        status: q.status,
        ladder: q.ladder,
        effect: q.effect,
        programmeCode: q.programmeCode,
        from: q.from === undefined ? undefined : periodBound(q.from, 'from'),
        to: q.to === undefined ? undefined : periodBound(q.to, 'to'),
        sort: q.sort,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
  }

  services(q: ServicesQuery): Promise<ServiceFiguresPageDto> {
    return this.readModel.use((m) =>
      m.supervision.services({
        officeIds: q.officeId,
        service: q.service,
        programmeCode: q.programmeCode,
        journeyStatus: q.journeyStatus,
        byProgramme: q.byProgramme,
        page: q.page,
        pageSize: q.pageSize,
      }),
    );
  }

  /** The period's days are Rome calendar days, both ends included; every stage and stall reason is listed, 0 included. */
  async kpis(q: KpisQuery): Promise<KpisDto> {
    const kpis = await this.readModel.use((m) =>
      m.supervision.kpis({
        officeIds: q.officeId,
        from: q.from === undefined ? undefined : romeStartOfDay(q.from),
        // The read model's upper bound is exclusive: the first instant after the last day.
        to: q.to === undefined ? undefined : canonicalInstant(toMillis(romeEndOfDay(q.to)) + 1),
      }),
    );
    const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    return {
      ...kpis,
      journeysByStage: { ...zeros(JOURNEY_STAGES), ...kpis.journeysByStage },
      stalledByReason: { ...zeros(STALL_REASONS), ...kpis.stalledByReason },
      serviceHours: { ...zeros(SERVICE_CODES), ...kpis.serviceHours },
    };
  }
}
