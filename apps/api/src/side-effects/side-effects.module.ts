import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { SideEffectsController } from './side-effects.controller';
import { SideEffectsService } from './side-effects.service';

/** Journeys whose projection or notices keep failing: who they are, and a retry after a fix. */
@Module({
  imports: [DatabaseModule],
  controllers: [SideEffectsController],
  providers: [SideEffectsService],
})
export class SideEffectsModule {}
