import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthReportDto, LivenessDto } from './dto/health-report.dto';
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
  @ApiOperation({ summary: 'Dependencies', description: 'Probes Temporal (GetSystemInfo) and PostgreSQL (SELECT 1) with a short deadline. Needs no authentication.' })
  @ApiResponse({ status: 200, description: 'Every dependency is up', type: HealthReportDto })
  @ApiResponse({ status: 503, description: 'At least one dependency is down (same body, `status: degraded`)', type: HealthReportDto })
  async check(@Res({ passthrough: true }) res: StatusSettable): Promise<HealthReportDto> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /**
   * Liveness: the process answers HTTP. It probes nothing, so a Temporal or PostgreSQL outage never makes an
   * orchestrator restart API replicas that would only come back to the same outage.
   */
  @Get('live')
  @ApiOperation({ summary: 'Liveness', description: 'Answers 200 while the process serves HTTP; probes no dependency (use it as the liveness probe). Needs no authentication.' })
  @ApiResponse({ status: 200, description: 'The process is alive', type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: the same probes as `GET /health`; 503 while Temporal or PostgreSQL is unreachable, so no traffic is routed here. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness', description: 'Probes Temporal and PostgreSQL like `GET /health`: 200 when both answer, 503 while either is unreachable (use it as the readiness probe). Needs no authentication.' })
  @ApiResponse({ status: 200, description: 'Ready: every dependency is up', type: HealthReportDto })
  @ApiResponse({ status: 503, description: 'Not ready: at least one dependency is down (same body, `status: degraded`)', type: HealthReportDto })
  async ready(@Res({ passthrough: true }) res: StatusSettable): Promise<HealthReportDto> {
    return this.check(res);
  }
}
