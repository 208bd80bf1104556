import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

/** Programme catalogues as versioned data; exports the service so a journey start can pin the latest version. */
@Module({
  imports: [DatabaseModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
