import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { SupervisorController } from './supervisor.controller';
import { SupervisorService } from './supervisor.service';

/** Supervisors' views of their offices: stalled cases, overdue actions, appointments, conditionality steps, services, KPIs (read model only). */
@Module({
  imports: [DatabaseModule],
  controllers: [SupervisorController],
  providers: [SupervisorService],
})
export class SupervisorModule {}
