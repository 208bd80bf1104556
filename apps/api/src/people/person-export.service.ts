import { Inject, Injectable } from '@nestjs/common';
import { journeyExportRows, personAuditEntries, personEpisodes, type AuditEntryRecord, type JourneyExportRows } from '@sal/persistence';
import { personRefFor } from '@sal/temporal';
import { PersonNotFoundError } from '../common/api-errors';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';
import {
  PERSON_EXPORT_CONTENTS,
  PERSON_EXPORT_FORMAT,
  PERSON_EXPORT_VERSION,
  type PersonExportAuditEntryDto,
  type PersonExportDto,
  type PersonExportEpisodeDto,
  type PersonExportNotificationDto,
} from './dto/person-export.response';
import { PersonRefBackfill } from './person-ref-backfill';

/**
 * A person's export (GDPR art. 15, issue 15): everything the read model holds about them, journey by journey (each
 * table read per journey, the long ones in batches), as one document. Administrators only (the controller says so);
 * the audit interceptor records the request with the person's reference and their journeys, never the fiscal code.
 */
@Injectable()
export class PersonExportService {
  constructor(
    private readonly readModel: ReadModelService,
    private readonly backfill: PersonRefBackfill,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  /** The person's reference for a fiscal code (the keyed hash under the journey id key). */
  personRefOf(fiscalCode: string): string {
    return personRefFor(fiscalCode, this.settings.journeyIdKey);
  }

  /**
   * The document. Journeys started before episodes are found once the start-up backfill gave them their reference.
   * @throws PersonNotFoundError (404) when no journey has the reference.
   */
  async export(personRef: string, now: Date = new Date()): Promise<PersonExportDto> {
    await this.backfill.done();
    // One snapshot for the whole file: rows projected while it is read are either all in it or all left out.
    return this.readModel.use(({ dataSource }) => dataSource.transaction('REPEATABLE READ', async (m) => {
      const journeys = await personEpisodes(m, personRef);
      if (journeys.length === 0) throw new PersonNotFoundError();
      const episodes: PersonExportEpisodeDto[] = [];
      for (const journey of journeys) episodes.push(toEpisode(journey, await journeyExportRows(m, journey.journeyId)));
      const audit = (await personAuditEntries(m, personRef)).map(toAuditEntry);
      return {
        format: PERSON_EXPORT_FORMAT,
        version: PERSON_EXPORT_VERSION,
        generatedAt: now.toISOString(),
        personRef,
        contents: { ...PERSON_EXPORT_CONTENTS },
        episodes,
        audit,
        notHeld: ['documents', 'idempotency_keys'],
      };
    }));
  }
}

function toEpisode(journey: object, rows: JourneyExportRows): PersonExportEpisodeDto {
  return {
    journey: plain(journey),
    events: rows.events.map((e) => ({ seq: e.seq, type: e.type, occurredAt: e.occurredAt.toISOString(), recordedAt: e.recordedAt.toISOString(), data: e.data as unknown as Record<string, unknown> })),
    pactActions: rows.pactActions.map(plain),
    appointments: rows.appointments.map(plain),
    conditionalitySteps: rows.conditionalitySteps.map(plain),
    services: rows.services.map(plain),
    notifications: rows.notifications.map(toNotification),
    sideEffectFailures: rows.sideEffectFailures.map(plain),
    audit: rows.audit.map(toAuditEntry),
  };
}

function toNotification(m: JourneyExportRows['notifications'][number]): PersonExportNotificationDto {
  return {
    id: m.id,
    journeyId: m.journeyId,
    officeId: m.officeId,
    kind: m.kind,
    audience: m.audience,
    recipientRef: m.recipientRef,
    toAddress: m.toAddress,
    subject: m.subject,
    body: m.body,
    noticeKey: m.noticeKey,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    deliveryAttempts: m.deliveryAttempts.map((a) => ({ attemptedAt: a.attemptedAt.toISOString(), outcome: a.outcome, error: a.error, smtpResponse: a.smtpResponse })),
  };
}

function toAuditEntry(e: AuditEntryRecord): PersonExportAuditEntryDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    subject: e.subject,
    role: e.role,
    offices: e.offices,
    method: e.method,
    route: e.route,
    journeyId: e.journeyId,
    officeId: e.officeId,
    personRef: e.personRef,
    status: e.status,
    outcome: e.outcome,
  };
}

/** A row as plain JSON: its own columns (camelCase), instants as ISO strings. */
function plain(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}
