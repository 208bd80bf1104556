import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { OfficesModule } from '../offices/offices.module';
import { PeopleModule } from '../people/people.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { JourneyCommandsController } from './journey-commands.controller';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

@Module({
  imports: [DatabaseModule, ProgrammesModule, OfficesModule, PeopleModule],
  controllers: [JourneysController, JourneyCommandsController],
  providers: [JourneysService],
  exports: [JourneysService],
})
export class JourneysModule {}
