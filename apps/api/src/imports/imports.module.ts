import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { JourneysModule } from '../journeys/journeys.module';
import { OfficesModule } from '../offices/offices.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [DatabaseModule, JourneysModule, ProgrammesModule, OfficesModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunner],
})
export class ImportsModule {}
