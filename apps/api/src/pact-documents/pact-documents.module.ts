import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { JourneysModule } from '../journeys/journeys.module';
import { PactDocumentsController } from './pact-documents.controller';
import { PactDocumentsService } from './pact-documents.service';

@Module({
  imports: [DatabaseModule, JourneysModule],
  controllers: [PactDocumentsController],
  providers: [PactDocumentsService],
})
export class PactDocumentsModule {}
