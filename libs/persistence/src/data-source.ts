import { DataSource, type DataSourceOptions } from 'typeorm';
import { databaseSettings, resolveDatabaseUrl } from './config';
import { JourneyEventRecord } from './entities/journey-event.entity';
import { JourneyRecord } from './entities/journey.entity';
import { PactActionRecord } from './entities/pact-action.entity';
import { StaffMemberRecord } from './entities/staff-member.entity';
import { OutboxMessageRecord } from './entities/outbox-message.entity';
import { DeliveryAttemptRecord } from './entities/delivery-attempt.entity';
import { ProgrammeCatalogueRecord } from './entities/programme-catalogue.entity';
import { AuditEntryRecord } from './entities/audit-entry.entity';
import { AppointmentRecord } from './entities/appointment.entity';
import { JourneyServiceRecord } from './entities/journey-service.entity';
import { SideEffectFailureRecord } from './entities/side-effect-failure.entity';
import { ConditionalityStepRecord } from './entities/conditionality-step.entity';
import { OfficeRecord } from './entities/office.entity';
import { PersonOpenJourneyRecord } from './entities/person-open-journey.entity';
import { PayloadDataKeyRecord } from './entities/payload-data-key.entity';
import { PersonalDataErasureRecord } from './entities/personal-data-erasure.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [JourneyEventRecord, JourneyRecord, PactActionRecord, StaffMemberRecord, OutboxMessageRecord, DeliveryAttemptRecord, ProgrammeCatalogueRecord, AuditEntryRecord, AppointmentRecord, JourneyServiceRecord, ConditionalityStepRecord, SideEffectFailureRecord, OfficeRecord, PersonOpenJourneyRecord, PayloadDataKeyRecord, PersonalDataErasureRecord];

/** The TypeORM options every process uses (API, worker, CLI): the schema comes from migrations only. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: databaseSettings().poolSize, connectionTimeoutMillis: 10_000 },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string = resolveDatabaseUrl(), overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
