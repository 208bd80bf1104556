import { viewAt, type Beneficiary, type JourneyView } from '@sal/domain';
import type { JourneyRecord } from '@sal/persistence';
import type { BeneficiaryInputDto } from './dto/create-journey.dto';
import type { JourneySummaryDto } from './dto/journey-page.response';
import type { JourneyViewDto, ViewSource } from './dto/journey-view.response';

/** The beneficiary as the domain keeps it: optional contacts only when given. */
export function toBeneficiary(dto: BeneficiaryInputDto): Beneficiary {
  return {
    fiscalCode: dto.fiscalCode,
    givenName: dto.givenName,
    familyName: dto.familyName,
    ...(dto.email !== undefined && dto.email !== null ? { email: dto.email } : {}),
    ...(dto.phone !== undefined && dto.phone !== null ? { phone: dto.phone } : {}),
  };
}

/** The view as the API answers it: its time-derived statuses exact at the request's instant (issue 17, `viewAt`). */
export function toViewDto(view: JourneyView, source: ViewSource, now: string = new Date().toISOString()): JourneyViewDto {
  return { source, ...viewAt(view, now) };
}

/** A read-model row as JSON: instants as ISO-8601 strings, the DID as YYYY-MM-DD. */
export function toSummary(row: JourneyRecord): JourneySummaryDto {
  return {
    journeyId: row.journeyId,
    programmeCode: row.programmeCode,
    personRef: row.personRef ?? null,
    officeId: row.officeId,
    stage: row.stage,
    status: row.status,
    fiscalCode: row.fiscalCode,
    givenName: row.givenName,
    familyName: row.familyName,
    didDate: calendarDate(row.didDate),
    startedAt: instant(row.startedAt)!,
    takenInChargeAt: instant(row.takenInChargeAt),
    intakeOperatorId: row.intakeOperatorId,
    responsibleOperatorId: row.responsibleOperatorId,
    pactVersion: row.pactVersion,
    pactSignedAt: instant(row.pactSignedAt),
    pactInForceSince: instant(row.pactInForceSince),
    pactVersionAwaitingAcceptance: row.pactVersionAwaitingAcceptance,
    pactAcceptanceDueAt: instant(row.pactAcceptanceDueAt),
    profilingClass: row.profilingClass,
    closedAt: instant(row.closedAt),
    closureReason: row.closureReason,
    overdueActionCount: row.overdueActionCount,
    nextDeadlineAt: instant(row.nextDeadlineAt),
    catalogueVersion: row.catalogueVersion,
    catalogueScope: row.catalogueScope,
    stalledSince: instant(row.stalledSince),
    stallReasons: row.stallReasons,
    lastProgressAt: instant(row.lastProgressAt),
    nextContactDueAt: instant(row.nextContactDueAt),
    pactDeadlineAt: instant(row.pactDeadlineAt),
    benefitKind: row.benefitKind,
    benefitStatus: row.benefitStatus,
    benefitStatusSince: row.benefitStatusSince === null ? null : calendarDate(row.benefitStatusSince),
    benefitEndedOn: row.benefitEndedOn === null ? null : calendarDate(row.benefitEndedOn),
    benefitEndReason: row.benefitEndReason,
    pausedSince: instant(row.pausedSince),
    pauseKind: row.pauseKind,
    pauseExpectedEnd: instant(row.pauseExpectedEnd),
    lastSeq: row.lastSeq,
    updatedAt: instant(row.updatedAt)!,
  };
}

function instant(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** node-postgres gives a `date` column as YYYY-MM-DD through TypeORM; a Date would be local midnight. */
export function calendarDate(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
