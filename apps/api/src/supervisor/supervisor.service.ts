import { Injectable } from '@nestjs/common';
import { canonicalInstant, JOURNEY_STAGES, romeEndOfDay, romeStartOfDay, STALL_REASONS, toMillis } from '@sal/domain';
import { ReadModelService } from '../database/read-model.service';
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
    };
  }
}
