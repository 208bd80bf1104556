import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { JourneyIdPipe } from '../common/pipes/pattern-param.pipes';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { assertCovers, type Principal } from '../auth/principal';
import { AUDIT_DOWN } from '../journeys/journey-openapi';
import { JOURNEY_ID_PARAM } from '../journeys/journey-params';
import { SideEffectFailurePageDto, SideEffectFailuresQuery, SideEffectRetryDto } from './dto/side-effect-failures.dto';
import { SideEffectsService } from './side-effects.service';

@ApiTags('supervisor')
@ApiBearerAuth()
@Roles('supervisor', 'regional_supervisor', 'administrator')
@Controller()
export class SideEffectsController {
  constructor(private readonly sideEffects: SideEffectsService) {}

  @Get('supervisor/side-effect-failures')
  @ApiOperation({
    summary: 'Journeys whose read model or notices are behind',
    description:
      "Journeys whose projection to the read model or whose notices keep failing, oldest failure first, with why (the PostgreSQL error code, no personal data). Their clocks go on regardless: deadlines are decided and recorded in the journey's history, and the live view (`GET /journeys/{id}`, `sideEffects`) is exact; lists and searches miss what is not projected. A data error (`SideEffectDataError`) is retried at growing intervals (1 minute, then 4, 16… up to 6 hours) and at once by `POST /journeys/{journeyId}/side-effects/retry` after a fix; the journey then catches up in order, nothing lost or written twice. " +
      "Scoped to the offices named by `officeId` (required, repeatable), which must all be among the caller's offices.",
  })
  @ApiOkResponse({ type: SideEffectFailurePageDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'a query parameter breaks a rule, e.g. no `officeId`',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not a supervisor, regional supervisor or administrator, or an office outside your offices',
    READ_MODEL_UNAVAILABLE: 'PostgreSQL cannot be reached',
  })
  failures(@CurrentPrincipal() principal: Principal, @Query() query: SideEffectFailuresQuery): Promise<SideEffectFailurePageDto> {
    assertCovers(principal, ...query.officeId);
    return this.sideEffects.failures(query);
  }

  @Post('journeys/:journeyId/side-effects/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: "Retry a journey's failing side effects now",
    description:
      'After a fix (a migration, a new worker release, the database back): the journey tries its waiting projection and notices again at once, in order, instead of at its next planned attempt. Answers 202 once the journey has the request.',
  })
  @JOURNEY_ID_PARAM
  @ApiAcceptedResponse({ type: SideEffectRetryDto })
  @ApiErrorResponses({
    JOURNEY_NOT_FOUND: 'no such journey',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: "not a supervisor, regional supervisor or administrator of the journey's office",
    TEMPORAL_UNAVAILABLE: 'Temporal did not answer in time',
    READ_MODEL_UNAVAILABLE: AUDIT_DOWN,
    WORKER_UNAVAILABLE: "the journey's worker did not answer in time",
  })
  retry(@CurrentPrincipal() principal: Principal, @Param('journeyId', JourneyIdPipe) journeyId: string): Promise<SideEffectRetryDto> {
    return this.sideEffects.retry(principal, journeyId);
  }
}
