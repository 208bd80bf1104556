import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthReportDto } from './dto/health-report.dto';
import { HealthService } from './health.service';

/** The bit of the HTTP response the controller touches (the status), whatever the platform. */
interface StatusSettable {
  status(code: number): unknown;
}

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and dependencies', description: 'Probes Temporal (GetSystemInfo) and PostgreSQL (SELECT 1) with a short deadline. Needs no authentication.' })
  @ApiResponse({ status: 200, description: 'Every dependency is up', type: HealthReportDto })
  @ApiResponse({ status: 503, description: 'At least one dependency is down (same body, `status: degraded`)', type: HealthReportDto })
  async check(@Res({ passthrough: true }) res: StatusSettable): Promise<HealthReportDto> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
