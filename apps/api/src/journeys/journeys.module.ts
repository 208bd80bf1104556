import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

@Module({
  imports: [DatabaseModule],
  controllers: [JourneysController],
  providers: [JourneysService],
})
export class JourneysModule {}
