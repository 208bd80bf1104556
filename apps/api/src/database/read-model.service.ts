import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JourneyReadModel, ProgrammeCatalogues, SupervisorReadModel } from '@sal/persistence';
import { ReadModelUnavailableError } from '../common/api-errors';
import { isDatabaseUnavailable } from './database-errors';

/** What the API reads from (and, for catalogues, writes to) PostgreSQL, over the one shared DataSource. */
export interface ReadModels {
  /** Journey lists and timelines. */
  journeys: JourneyReadModel;
  /** Supervisors' questions: stalled cases, overdue actions, KPIs. */
  supervision: SupervisorReadModel;
  /** Versioned programme catalogues. */
  catalogues: ProgrammeCatalogues;
  /** For stores that have no class of their own yet; prefer a store above. */
  dataSource: DataSource;
}

/**
 * The PostgreSQL read model, connected on first use rather than at start-up: the API serves what needs only Temporal
 * (and `/health` says the database is down) while PostgreSQL is unreachable, and reconnects on a later request.
 */
@Injectable()
export class ReadModelService {
  private connecting: Promise<void> | null = null;
  private readonly models: ReadModels;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.models = {
      journeys: new JourneyReadModel(dataSource),
      supervision: new SupervisorReadModel(dataSource),
      catalogues: new ProgrammeCatalogues(dataSource),
      dataSource,
    };
  }

  /** Runs work against the read model; an unreachable database becomes {@link ReadModelUnavailableError} (503). */
  async use<T>(fn: (models: ReadModels) => Promise<T>): Promise<T> {
    try {
      await this.connect();
      return await fn(this.models);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? new ReadModelUnavailableError(error) : error;
    }
  }

  /** A journey read-model question (the shorthand of `use((m) => fn(m.journeys))`). */
  query<T>(fn: (readModel: JourneyReadModel) => Promise<T>): Promise<T> {
    return this.use((m) => fn(m.journeys));
  }

  /** `SELECT 1`: throws when the database does not answer. */
  async ping(): Promise<void> {
    await this.use(() => this.dataSource.query('SELECT 1'));
  }

  private connect(): Promise<void> {
    if (this.dataSource.isInitialized) return Promise.resolve();
    // Concurrent first requests share one attempt; a failed attempt is forgotten so the next request tries again.
    this.connecting ??= this.dataSource
      .initialize()
      .then(() => undefined)
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }
}
