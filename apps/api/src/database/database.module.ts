import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@sal/persistence';
import { API_SETTINGS } from '../config/config.module';
import type { ApiSettings } from '../config/api-settings';
import { ReadModelService } from './read-model.service';

/**
 * The read model's TypeORM DataSource, with the options every process shares (`dataSourceOptions` of
 * `@sal/persistence`). Initialised on first use by {@link ReadModelService}; TypeOrmModule destroys it on shutdown.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [API_SETTINGS],
      useFactory: (settings: ApiSettings) => ({ ...dataSourceOptions(settings.databaseUrl), manualInitialization: true }),
    }),
  ],
  providers: [ReadModelService],
  exports: [ReadModelService],
})
export class DatabaseModule {}
