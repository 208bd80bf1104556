import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Retention of personal data (issue 15): sweeps on demand and their outcome. */
@Module({
  controllers: [RetentionController],
  providers: [RetentionService],
})
export class RetentionModule {}
