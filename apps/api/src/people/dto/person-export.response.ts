import { ApiProperty } from '@nestjs/swagger';
import { NotificationDto } from '../../notifications/dto/notification.response';

/** What the export's file says it is: its format and the version of that format. */
export const PERSON_EXPORT_FORMAT = 'sal-person-export';
export const PERSON_EXPORT_VERSION = 1;

/**
 * What each section of the file holds, in the file itself (`contents`) and in the OpenAPI description: one text, so
 * the two never differ. Keys are the sections' names; `episodes.*` are the sections of each episode.
 */
export const PERSON_EXPORT_CONTENTS = {
  episodes: "The person's journeys, one per episode (from a DID, or a transfer, to its closure), oldest first, each with the sections below",
  'episodes.journey': "The episode's row of the read model (`journeys`): every column, named as in the API (camelCase) — the person's fiscal code and names, office, programme, stage, dates, pact, profiling, benefit, placement, pauses, GOL assessment",
  'episodes.events': "The episode's domain events (`journey_events`), in order (`seq` from 1): the journey's whole timeline, each with its data as recorded; Temporal's history holds the same events, encrypted",
  'episodes.pactActions': 'The actions of every version of the Patto di servizio (`pact_actions`)',
  'episodes.appointments': 'Appointments: scheduled, held, missed or cancelled (`appointments`)',
  'episodes.conditionalitySteps': 'Conditionality steps (sanctions) proposed, decided, notified and appealed (`conditionality_steps`)',
  'episodes.services': 'Services required by the path or started, with hours and sessions delivered (`journey_services`)',
  'episodes.notifications': 'Every e-mail the journey decided to send (`notification_outbox`), to the person (`audience: beneficiary`) or to staff about them, with subject, body and each delivery attempt',
  'episodes.sideEffectFailures': "The journey's side effects (read model, notices) failing now, if any (`side_effect_failures`; they name no personal data)",
  'episodes.audit': "Every request staff made about the episode (`audit_log`): who, role, offices, route, status, outcome, oldest first",
  audit: 'Requests about the person that named no episode (`audit_log` by person reference): searches and exports before they had a journey, earlier exports with nothing to export',
  notHeld: 'What the product does not hold, so the file cannot contain: documents (none are stored), and the idempotency keys of commands (ids and hashes of staff requests, no personal data)',
} as const;

/** One domain event of the journey, as `journey_events` holds it. */
export class PersonExportEventDto {
  @ApiProperty({ description: "Position in the journey's timeline, from 1", example: 1 })
  seq!: number;

  @ApiProperty({ description: 'Event type', example: 'JourneyStarted' })
  type!: string;

  @ApiProperty({ description: 'When it happened (UTC instant)', format: 'date-time', example: '2026-01-15T09:00:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ description: 'When the read model recorded it', format: 'date-time', example: '2026-01-15T09:00:00.420Z' })
  recordedAt!: string;

  @ApiProperty({ description: "The event's data as recorded (its shape depends on `type`: see the journey timeline)", type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
}

/** One message of the outbox about the person, with its body. */
export class PersonExportNotificationDto extends NotificationDto {
  @ApiProperty({ description: 'The notice the message came from (several messages share it when a notice goes to every supervisor)', example: 'jrn_…:action_overdue:A1@2026-01-31T22:59:59.999Z:operator' })
  noticeKey!: string;

  @ApiProperty({ description: 'The body as rendered and sent (Italian)', example: 'Gentile Mario Rossi, …' })
  body!: string;
}

/** One entry of the audit log. */
export class PersonExportAuditEntryDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Token subject', example: 'op-bianchi' }) subject!: string;
  @ApiProperty({ example: 'operator' }) role!: string;
  @ApiProperty({ description: "Caller's offices; ['*'] for all", type: [String] }) offices!: string[];
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/journeys/:journeyId' }) route!: string;
  @ApiProperty({ nullable: true, type: String }) journeyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) officeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The person the request named (`prs_…`), or null' }) personRef!: string | null;
  @ApiProperty({ example: 200 }) status!: number;
  @ApiProperty({ enum: ['requested', 'ok', 'refused', 'failed'] }) outcome!: string;
}

const ROW = (description: string) => ({ description, type: 'object' as const, additionalProperties: true });
const ROWS = (description: string) => ({ description, type: 'array' as const, items: { type: 'object' as const, additionalProperties: true } });

/** One episode of the person, with every row the read model holds about it. */
export class PersonExportEpisodeDto {
  @ApiProperty(ROW(PERSON_EXPORT_CONTENTS['episodes.journey']))
  journey!: Record<string, unknown>;

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS['episodes.events'], type: () => [PersonExportEventDto] })
  events!: PersonExportEventDto[];

  @ApiProperty(ROWS(PERSON_EXPORT_CONTENTS['episodes.pactActions']))
  pactActions!: Record<string, unknown>[];

  @ApiProperty(ROWS(PERSON_EXPORT_CONTENTS['episodes.appointments']))
  appointments!: Record<string, unknown>[];

  @ApiProperty(ROWS(PERSON_EXPORT_CONTENTS['episodes.conditionalitySteps']))
  conditionalitySteps!: Record<string, unknown>[];

  @ApiProperty(ROWS(PERSON_EXPORT_CONTENTS['episodes.services']))
  services!: Record<string, unknown>[];

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS['episodes.notifications'], type: () => [PersonExportNotificationDto] })
  notifications!: PersonExportNotificationDto[];

  @ApiProperty(ROWS(PERSON_EXPORT_CONTENTS['episodes.sideEffectFailures']))
  sideEffectFailures!: Record<string, unknown>[];

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS['episodes.audit'], type: () => [PersonExportAuditEntryDto] })
  audit!: PersonExportAuditEntryDto[];
}

/** Everything the product holds about a person (GDPR art. 15), as one machine-readable file. */
export class PersonExportDto {
  @ApiProperty({ description: 'What the file is', enum: [PERSON_EXPORT_FORMAT], example: PERSON_EXPORT_FORMAT })
  format!: typeof PERSON_EXPORT_FORMAT;

  @ApiProperty({ description: 'Version of the format: a change of shape gets a new one', example: PERSON_EXPORT_VERSION })
  version!: number;

  @ApiProperty({ description: 'When the file was generated (UTC instant)', format: 'date-time', example: '2026-12-02T06:00:00.000Z' })
  generatedAt!: string;

  @ApiProperty({ description: 'The person: keyed hash of the fiscal code, the same for all their episodes', example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a' })
  personRef!: string;

  @ApiProperty({ description: 'What each section holds (section name → description), as listed here', type: 'object', additionalProperties: { type: 'string' } })
  contents!: Record<string, string>;

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS.episodes, type: () => [PersonExportEpisodeDto] })
  episodes!: PersonExportEpisodeDto[];

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS.audit, type: () => [PersonExportAuditEntryDto] })
  audit!: PersonExportAuditEntryDto[];

  @ApiProperty({ description: PERSON_EXPORT_CONTENTS.notHeld, type: [String], example: ['documents', 'idempotency_keys'] })
  notHeld!: string[];
}
