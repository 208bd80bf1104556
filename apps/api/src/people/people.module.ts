import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonExportService } from './person-export.service';
import { PersonRefBackfill } from './person-ref-backfill';

/** A person's episodes and the export of their data (GDPR art. 15); exports the backfill of person references, which a journey's start waits for. */
@Module({
  imports: [DatabaseModule],
  controllers: [PeopleController],
  providers: [PeopleService, PersonExportService, PersonRefBackfill],
  exports: [PersonRefBackfill],
})
export class PeopleModule {}
