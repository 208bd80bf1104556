import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { RegionsController } from './regions.controller';

/** Programme catalogues as versioned data, national or regional, and the regions; exports the service so a journey start can pin the latest version. */
@Module({
  imports: [DatabaseModule],
  controllers: [ProgrammesController, RegionsController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
