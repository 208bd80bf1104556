import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { AppointmentRecord } from './entities/appointment.entity';
import { AuditEntryRecord } from './entities/audit-entry.entity';
import { ConditionalityStepRecord } from './entities/conditionality-step.entity';
import { DeliveryAttemptRecord } from './entities/delivery-attempt.entity';
import { JourneyEventRecord } from './entities/journey-event.entity';
import { JourneyServiceRecord } from './entities/journey-service.entity';
import { OutboxMessageRecord } from './entities/outbox-message.entity';
import { PactActionRecord } from './entities/pact-action.entity';
import { SideEffectFailureRecord } from './entities/side-effect-failure.entity';

/**
 * What the read model holds about one journey, for a person's export (GDPR art. 15, issue 15): every row of every
 * table keyed by the journey, each table read on its own and the long ones (events, audit entries) a batch at a time
 * in key order, so no query returns an unbounded set at once. Given an entity manager of a REPEATABLE READ transaction,
 * every read sees the same snapshot.
 */
export interface JourneyExportRows {
  events: JourneyEventRecord[];
  pactActions: PactActionRecord[];
  appointments: AppointmentRecord[];
  conditionalitySteps: ConditionalityStepRecord[];
  services: JourneyServiceRecord[];
  notifications: (OutboxMessageRecord & { deliveryAttempts: DeliveryAttemptRecord[] })[];
  sideEffectFailures: SideEffectFailureRecord[];
  audit: AuditEntryRecord[];
}

/** Rows per query of the long tables. */
export const EXPORT_BATCH = 1000;

/** Every row the read model holds about `journeyId`, each list in the order it happened. */
export async function journeyExportRows(dataSource: DataSource | EntityManager, journeyId: string, batch = EXPORT_BATCH): Promise<JourneyExportRows> {
  const events = await inBatches<JourneyEventRecord>(batch, (after, take) =>
    dataSource
      .getRepository(JourneyEventRecord)
      .createQueryBuilder('e')
      .where('e.journey_id = :journeyId AND e.seq > :after', { journeyId, after: after === null ? 0 : after.seq })
      .orderBy('e.seq', 'ASC')
      .take(take)
      .getMany(),
  );
  const audit = await inBatches<AuditEntryRecord>(batch, (after, take) =>
    dataSource
      .getRepository(AuditEntryRecord)
      .createQueryBuilder('a')
      .where('a.journey_id = :journeyId AND a.id > CAST(:after AS bigint)', { journeyId, after: after === null ? '0' : after.id })
      .orderBy('a.id', 'ASC')
      .take(take)
      .getMany(),
  );
  const pactActions = await dataSource.getRepository(PactActionRecord).find({ where: { journeyId }, order: { pactVersion: 'ASC', actionId: 'ASC' } });
  const appointments = await dataSource.getRepository(AppointmentRecord).find({ where: { journeyId }, order: { appointmentId: 'ASC' } });
  const conditionalitySteps = await dataSource.getRepository(ConditionalityStepRecord).find({ where: { journeyId }, order: { proposedAt: 'ASC', stepId: 'ASC' } });
  const services = await dataSource.getRepository(JourneyServiceRecord).find({ where: { journeyId }, order: { service: 'ASC' } });
  const sideEffectFailures = await dataSource.getRepository(SideEffectFailureRecord).find({ where: { journeyId }, order: { stream: 'ASC' } });
  const messages = await dataSource.getRepository(OutboxMessageRecord).find({ where: { journeyId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const attempts =
    messages.length === 0
      ? []
      : await dataSource
          .getRepository(DeliveryAttemptRecord)
          .createQueryBuilder('d')
          .where('d.outbox_id = ANY(:ids)', { ids: messages.map((m) => m.id) })
          .orderBy('d.attemptedAt', 'ASC')
          .addOrderBy('d.id', 'ASC')
          .getMany();
  const notifications = messages.map((m) => Object.assign(m, { deliveryAttempts: attempts.filter((a) => a.outboxId === m.id) }));
  return { events, pactActions, appointments, conditionalitySteps, services, notifications, sideEffectFailures, audit };
}

/** Audit entries that name the person but no journey (lookups of their episodes, exports when they had none), oldest first. */
export function personAuditEntries(dataSource: DataSource | EntityManager, personRef: string, batch = EXPORT_BATCH): Promise<AuditEntryRecord[]> {
  return inBatches<AuditEntryRecord>(batch, (after, take) =>
    dataSource
      .getRepository(AuditEntryRecord)
      .createQueryBuilder('a')
      .where('a.person_ref = :personRef AND a.journey_id IS NULL AND a.id > CAST(:after AS bigint)', { personRef, after: after === null ? '0' : after.id })
      .orderBy('a.id', 'ASC')
      .take(take)
      .getMany(),
  );
}

/** Reads a list a batch at a time, each batch after the last row of the one before (keyset paging). */
async function inBatches<T extends ObjectLiteral>(batch: number, read: (after: T | null, take: number) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (;;) {
    const rows = await read(all.length === 0 ? null : all[all.length - 1], batch);
    all.push(...rows);
    if (rows.length < batch) return all;
  }
}
