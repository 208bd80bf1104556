import { CreateReadModel1764158400000 } from './1764158400000-create-read-model';
import { Notifications1764200000000 } from './1764200000000-notifications';
import { Supervision1764210000000 } from './1764210000000-supervision';
import { ProgrammeCatalogues1764210000001 } from './1764210000001-programme-catalogues';
import { SeedGolCatalogues1764210000002 } from './1764210000002-seed-gol-catalogues';
import { AuditLog1764220000000 } from './1764220000000-audit-log';
import { CatalogueServices1764230000000 } from './1764230000000-catalogue-services';
import { SeedGolServices1764230000001 } from './1764230000001-seed-gol-services';
import { ServicesReadModel1764240000000 } from './1764240000000-services-read-model';
import { AuditAppendOnlyRoles1764250000000 } from './1764250000000-audit-append-only-roles';
import { SideEffectFailures1764251100000 } from './1764251100000-side-effect-failures';
import { IdempotencyKeys1764260000000 } from './1764260000000-idempotency-keys';
import { CatalogueOfferSuitability1764270100000 } from './1764270100000-catalogue-offer-suitability';
import { AppealsReadModel1764270200000 } from './1764270200000-appeals-read-model';
import { Offices1764270300000 } from './1764270300000-offices';
import { CatalogueRollForward1764270300001 } from './1764270300001-catalogue-roll-forward';
import { StepDecidedByOffice1764270300002 } from './1764270300002-step-decided-by-office';
import { PactAcceptance1764270400000 } from './1764270400000-pact-acceptance';
import { Episodes1764280100000 } from './1764280100000-episodes';
import { GolAssessment1764280200000 } from './1764280200000-gol-assessment';
import { AssessmentReadModel1764280200001 } from './1764280200001-assessment-read-model';
import { BenefitLifecycle1764280300000 } from './1764280300000-benefit-lifecycle';
import { Pauses1764280400000 } from './1764280400000-pauses';
import { AuditPersonRef1764290100000 } from './1764290100000-audit-person-ref';
import { GolMonitoring1764290200000 } from './1764290200000-gol-monitoring';
import { BenefitCatalogues1764300100000 } from './1764300100000-benefit-catalogues';
import { RegionalCatalogues1764300200000 } from './1764300200000-regional-catalogues';
import { PersonalDataRetention1764300300000 } from './1764300300000-personal-data-retention';
import { PactDocuments1764300600000 } from './1764300600000-pact-documents';
import { Imports1764300700000 } from './1764300700000-imports';
import { DeadlinesAtInstant1764300800000 } from './1764300800000-deadlines-at-instant';
import { NationalScale1764300900000 } from './1764300900000-national-scale';
import { SupervisorCounts1764302000000 } from './1764302000000-supervisor-counts';
import { ImportRetention1764301000000 } from './1764301000000-import-retention';

/**
 * Every migration, oldest first. Never edit one that has been committed: add a new one (timestamped after the last,
 * registered here, with a `down` that undoes its `up`). A migration imports nothing but typeorm and writes its data
 * literally, so that it does the same on every database whenever it runs; test/integration/migrations.spec.ts checks
 * that, that every `down` reverts, and that the entities match the migrated schema.
 */
export const MIGRATIONS = [
  CreateReadModel1764158400000,
  Notifications1764200000000,
  Supervision1764210000000,
  ProgrammeCatalogues1764210000001,
  SeedGolCatalogues1764210000002,
  AuditLog1764220000000,
  CatalogueServices1764230000000,
  SeedGolServices1764230000001,
  ServicesReadModel1764240000000,
  AuditAppendOnlyRoles1764250000000,
  SideEffectFailures1764251100000,
  IdempotencyKeys1764260000000,
  CatalogueOfferSuitability1764270100000,
  AppealsReadModel1764270200000,
  Offices1764270300000,
  CatalogueRollForward1764270300001,
  StepDecidedByOffice1764270300002,
  PactAcceptance1764270400000,
  Episodes1764280100000,
  GolAssessment1764280200000,
  AssessmentReadModel1764280200001,
  BenefitLifecycle1764280300000,
  Pauses1764280400000,
  AuditPersonRef1764290100000,
  GolMonitoring1764290200000,
  BenefitCatalogues1764300100000,
  RegionalCatalogues1764300200000,
  PersonalDataRetention1764300300000,
  PactDocuments1764300600000,
  Imports1764300700000,
  DeadlinesAtInstant1764300800000,
  NationalScale1764300900000,
  ImportRetention1764301000000,
  SupervisorCounts1764302000000,
];
