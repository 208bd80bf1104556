import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

@Module({
  imports: [DatabaseModule, ProgrammesModule],
  controllers: [JourneysController],
  providers: [JourneysService],
})
export class JourneysModule {}
