import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JourneyReadModel } from '@sal/persistence';
import { ReadModelUnavailableError } from '../common/api-errors';
import { isDatabaseUnavailable } from './database-errors';

/**
 * The PostgreSQL read model, connected on first use rather than at start-up: the API serves what needs only Temporal
 * (and `/health` says the database is down) while PostgreSQL is unreachable, and reconnects on a later request.
 */
@Injectable()
export class ReadModelService {
  private connecting: Promise<void> | null = null;
  private readonly readModel: JourneyReadModel;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.readModel = new JourneyReadModel(dataSource);
  }

  /** Runs a read-model question; an unreachable database becomes {@link ReadModelUnavailableError} (503). */
  async query<T>(fn: (readModel: JourneyReadModel) => Promise<T>): Promise<T> {
    try {
      await this.connect();
      return await fn(this.readModel);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? new ReadModelUnavailableError(error) : error;
    }
  }

  /** `SELECT 1`: throws when the database does not answer. */
  async ping(): Promise<void> {
    await this.query(() => this.dataSource.query('SELECT 1'));
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
