import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';

/** The directory of offices; exports the service so a journey's start pins its office and a sanction names its CPI. */
@Module({
  imports: [DatabaseModule],
  controllers: [OfficesController],
  providers: [OfficesService],
  exports: [OfficesService],
})
export class OfficesModule {}
