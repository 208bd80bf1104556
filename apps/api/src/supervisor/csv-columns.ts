import type { AppointmentDto, ConditionalityStepDto } from './dto/services-responses';
import type { OverdueActionDto, StalledCaseDto } from './dto/supervisor-responses';
import type { CsvColumn, CsvValue } from './csv-export';

/**
 * The columns of each list's CSV export: what the list itself shows (the person's names as the list shows them, no
 * fiscal code, no contact details), under the JSON property names so a file and an API answer read alike.
 */
function columns<T>(...keys: (keyof T & string)[]): CsvColumn<T>[] {
  return keys.map((key) => ({ header: key, value: (row: T) => row[key] as CsvValue }));
}

export const STALLED_CASE_COLUMNS = columns<StalledCaseDto>(
  'journeyId',
  'officeId',
  'programmeCode',
  'stage',
  'operatorId',
  'familyName',
  'givenName',
  'stalledSince',
  'daysStalled',
  'reasons',
  'overdueActionCount',
);

export const OVERDUE_ACTION_COLUMNS = columns<OverdueActionDto>(
  'journeyId',
  'actionId',
  'officeId',
  'operatorId',
  'kind',
  'description',
  'dueAt',
  'daysOverdue',
  'escalatedAt',
  'familyName',
  'givenName',
);

export const APPOINTMENT_COLUMNS = columns<AppointmentDto>(
  'journeyId',
  'appointmentId',
  'officeId',
  'programmeCode',
  'service',
  'purpose',
  'at',
  'channel',
  'location',
  'convocation',
  'convocationValid',
  'operatorId',
  'status',
  'rescheduledCount',
  'familyName',
  'givenName',
);

export const CONDITIONALITY_STEP_COLUMNS = columns<ConditionalityStepDto>(
  'journeyId',
  'stepId',
  'officeId',
  'programmeCode',
  'ladder',
  'ordinal',
  'effect',
  'status',
  'proposedAt',
  'daysWaiting',
  'decidedAt',
  'decidedBy',
  'appealDueAt',
  'appealPending',
  'benefitKind',
  'operatorId',
  'familyName',
  'givenName',
);
