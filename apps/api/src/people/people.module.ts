import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonRefBackfill } from './person-ref-backfill';

/** A person's episodes; exports the backfill of person references, which a journey's start waits for. */
@Module({
  imports: [DatabaseModule],
  controllers: [PeopleController],
  providers: [PeopleService, PersonRefBackfill],
  exports: [PersonRefBackfill],
})
export class PeopleModule {}
