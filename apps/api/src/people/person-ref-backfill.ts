import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { backfillPersonRefs } from '@sal/persistence';
import { personRefFor } from '@sal/temporal';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from '../database/read-model.service';

/**
 * Journeys started before episodes (issue 14) have no person reference in the read model, and the migrations cannot
 * compute one (only the API holds `JOURNEY_ID_KEY`). At start-up the API fills `person_ref` from their fiscal code and
 * takes the one-open-journey lock for their open journeys (the oldest per person). Idempotent, so every replica runs
 * it; when PostgreSQL is down at start-up it runs again before the next start or listing of a person's episodes.
 */
@Injectable()
export class PersonRefBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('Episodes');
  private running: Promise<void> | null = null;
  private finished = false;

  constructor(
    private readonly readModel: ReadModelService,
    @Inject(API_SETTINGS) private readonly settings: ApiSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.done().catch((error: unknown) => this.logger.warn(`person references not backfilled yet: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Resolves once the backfill has run in this process (it runs at most once at a time, and again after a failure). */
  done(): Promise<void> {
    if (this.finished) return Promise.resolve();
    this.running ??= this.readModel
      .use(({ dataSource }) => backfillPersonRefs(dataSource, (fiscalCode) => personRefFor(fiscalCode, this.settings.journeyIdKey)))
      .then(({ journeys, locks }) => {
        this.finished = true;
        if (journeys > 0 || locks > 0) this.logger.log(`person references backfilled on ${journeys} journeys; ${locks} open journeys locked`);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
