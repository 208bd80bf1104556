import { Readable } from 'node:stream';
import { Injectable, StreamableFile } from '@nestjs/common';
import { BENEFIT_KINDS, BENEFIT_STATUSES, GOL_PATHS, JOURNEY_STAGES, SERVICE_CODES, STALL_REASONS } from '@sal/domain';
import type { OfficeScope } from '@sal/persistence';
import { ReadModelService } from '../database/read-model.service';
import { APPOINTMENT_COLUMNS, CONDITIONALITY_STEP_COLUMNS, OVERDUE_ACTION_COLUMNS, STALLED_CASE_COLUMNS } from './csv-columns';
import { csvLines, type CsvColumn } from './csv-export';
import type { AppointmentsQuery, ConditionalityStepsQuery, ServicesQuery } from './dto/services-queries';
import type { AppointmentPageDto, ConditionalityStepPageDto, ServiceFiguresPageDto } from './dto/services-responses';
import type { KpisQuery, OverdueActionsQuery, PactsAwaitingAcceptanceQuery, PausedJourneysQuery, ProfilingReviewsQuery, StalledCasesQuery } from './dto/supervisor-queries';
import type { KpisDto, OverdueActionPageDto, PactAwaitingAcceptancePageDto, PausedJourneyPageDto, ProfilingReviewDuePageDto, StalledCasePageDto } from './dto/supervisor-responses';

/**
 * What supervisors ask, answered from the read model (eventually consistent with the journeys, usually within a
 * second). Every question is scoped to the offices the request names. Each query goes to the read model as it is: its
 * filters are the read model's (which the compiler checks), `officeId` its office scope; the read model reads a bare day
 * in `from`/`to` as a Rome calendar day, both ends included.
 */
@Injectable()
export class SupervisorService {
  constructor(private readonly readModel: ReadModelService) {}

  stalledCases(q: AsOf<StalledCasesQuery>): Promise<StalledCasePageDto> {
    return this.readModel.use((m) => m.supervision.stalledCases(scoped(q)));
  }

  overdueActions(q: AsOf<OverdueActionsQuery>): Promise<OverdueActionPageDto> {
    return this.readModel.use((m) => m.supervision.overdueActions(scoped(q)));
  }

  pactsAwaitingAcceptance(q: PactsAwaitingAcceptanceQuery): Promise<PactAwaitingAcceptancePageDto> {
    return this.readModel.use((m) => m.supervision.pactsAwaitingAcceptance(scoped(q)));
  }

  pausedJourneys(q: PausedJourneysQuery): Promise<PausedJourneyPageDto> {
    return this.readModel.use((m) => m.supervision.pausedJourneys(scoped(q)));
  }

  profilingReviews(q: ProfilingReviewsQuery): Promise<ProfilingReviewDuePageDto> {
    return this.readModel.use((m) => m.supervision.profilingReviewsDue(scoped(q)));
  }

  appointments(q: AsOf<AppointmentsQuery>): Promise<AppointmentPageDto> {
    return this.readModel.use((m) => m.supervision.appointments(scoped(q)));
  }

  conditionalitySteps(q: AsOf<ConditionalityStepsQuery>): Promise<ConditionalityStepPageDto> {
    return this.readModel.use((m) => m.supervision.conditionalitySteps(scoped(q)));
  }

  /**
   * The CSV exports: the whole filtered set of a list, read page by page with the list's own query, every page exact
   * for the instant of the request (issue 17).
   */
  stalledCasesCsv(q: StalledCasesQuery): StreamableFile {
    const now = new Date().toISOString();
    return csvExport('stalled-cases', STALLED_CASE_COLUMNS, (page, pageSize) => this.stalledCases({ ...q, page, pageSize, now }));
  }

  overdueActionsCsv(q: OverdueActionsQuery): StreamableFile {
    const now = new Date().toISOString();
    return csvExport('overdue-actions', OVERDUE_ACTION_COLUMNS, (page, pageSize) => this.overdueActions({ ...q, page, pageSize, now }));
  }

  appointmentsCsv(q: AppointmentsQuery): StreamableFile {
    const now = new Date().toISOString();
    return csvExport('appointments', APPOINTMENT_COLUMNS, (page, pageSize) => this.appointments({ ...q, page, pageSize, now }));
  }

  conditionalityStepsCsv(q: ConditionalityStepsQuery): StreamableFile {
    const now = new Date().toISOString();
    return csvExport('conditionality-steps', CONDITIONALITY_STEP_COLUMNS, (page, pageSize) => this.conditionalitySteps({ ...q, page, pageSize, now }));
  }

  services(q: ServicesQuery): Promise<ServiceFiguresPageDto> {
    return this.readModel.use((m) => m.supervision.services(scoped(q)));
  }

  /** Every stage, stall reason and service is listed, 0 included. */
  async kpis(q: KpisQuery): Promise<KpisDto> {
    const kpis = await this.readModel.use((m) => m.supervision.kpis(scoped(q)));
    const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    const eachWithAllPaths = <F extends { takenInChargeByPath: Record<string, number> }>(groups: Record<string, F>) =>
      Object.fromEntries(Object.entries(groups).map(([key, f]) => [key, { ...f, takenInChargeByPath: { ...zeros(GOL_PATHS.map((p) => String(p) as `${typeof p}`)), ...f.takenInChargeByPath } }]));
    return {
      ...kpis,
      journeysByStage: { ...zeros(JOURNEY_STAGES), ...kpis.journeysByStage },
      stalledByReason: { ...zeros(STALL_REASONS), ...kpis.stalledByReason },
      serviceHours: { ...zeros(SERVICE_CODES), ...kpis.serviceHours },
      journeysByBenefitStatus: { ...zeros(['none', ...BENEFIT_STATUSES] as const), ...kpis.journeysByBenefitStatus },
      journeysByBenefitKind: Object.fromEntries(BENEFIT_KINDS.map((k) => [k, { ...zeros(BENEFIT_STATUSES), ...kpis.journeysByBenefitKind[k] }])) as unknown as KpisDto['journeysByBenefitKind'],
      journeysByGolPath: { ...zeros(GOL_PATHS.map((p) => String(p) as `${typeof p}`)), ...kpis.journeysByGolPath },
      gol: {
        ...kpis.gol,
        takenInChargeByPath: { ...zeros(GOL_PATHS.map((p) => String(p) as `${typeof p}`)), ...kpis.gol.takenInChargeByPath },
        byRegion: eachWithAllPaths(kpis.gol.byRegion),
        byOffice: eachWithAllPaths(kpis.gol.byOffice),
      },
    };
  }
}

/**
 * A list's CSV as a streamed download (`text/csv`, `<name>.csv`). A page failing halfway breaks the connection: a
 * cut-off file must not pass for the whole set.
 */
function csvExport<T>(name: string, columns: readonly CsvColumn<T>[], readPage: (page: number, pageSize: number) => Promise<{ items: T[] }>): StreamableFile {
  return new StreamableFile(Readable.from(csvLines(columns, readPage)), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  }).setErrorHandler((error, response: { destroy?: (error?: Error) => void }) => response.destroy?.(error));
}

/** A supervisor's query as the read model's filter: the query itself, its `officeId` the office scope. */
function scoped<Q extends { officeId: string[]; now?: string }>(q: Q): Q & Required<OfficeScope> & { now: string } {
  return { ...q, officeIds: q.officeId, now: q.now ?? new Date().toISOString() };
}

/** A query with the instant its answer is exact for (issue 17): an export's pages all answer for the same one. */
type AsOf<Q> = Q & { now?: string };
