import { applyDecorators, Controller, Get, Headers, Query, type StreamableFile, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { wantsCsv } from './csv-export';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { AppointmentsQuery, ConditionalityStepsQuery, ServicesQuery } from './dto/services-queries';
import { AppointmentPageDto, ConditionalityStepPageDto, ServiceFiguresPageDto } from './dto/services-responses';
import { KpisQuery, OverdueActionsQuery, PactsAwaitingAcceptanceQuery, PausedJourneysQuery, ProfilingReviewsQuery, StalledCasesQuery } from './dto/supervisor-queries';
import { GolMonitoringFiguresDto, KpisDto, OverdueActionPageDto, PactAwaitingAcceptancePageDto, PausedJourneyPageDto, ProfilingReviewDuePageDto, StalledCasePageDto } from './dto/supervisor-responses';
import { SupervisorService } from './supervisor.service';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { assertCovers, type Principal } from '../auth/principal';

const ERRORS = {
  VALIDATION_FAILED: 'a query parameter breaks a rule, e.g. no `officeId` (`fields` lists them)',
  UNAUTHENTICATED: 'no valid bearer token',
  FORBIDDEN: 'not a supervisor, regional supervisor or administrator, or an office outside your offices',
  READ_MODEL_UNAVAILABLE: 'PostgreSQL cannot be reached',
};
const SCOPE =
  'From the read model (usually within a second of the journeys). Scoped to the offices named by `officeId` (required, repeatable), ' +
  "which must all be among the caller's offices; every access is recorded in the audit log.";

const CSV =
  'With `Accept: text/csv` the answer is the whole filtered set (every page, in the same order; `page` and `pageSize` are ignored) as CSV, ' +
  'streamed page by page from the read model: a header line of the JSON property names, one line per item, the same columns the JSON items have ' +
  '(a list of reasons space-separated), UTF-8 with a byte-order mark, as a download (`Content-Disposition: attachment`). Audited like the JSON form.';

/** The JSON page, or with `Accept: text/csv` the whole filtered set as CSV. */
function ApiPageOrCsv(description: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiHeader({ name: 'accept', required: false, description: '`text/csv`: the whole filtered set as CSV; JSON otherwise', schema: { type: 'string', enum: ['application/json', 'text/csv'] } }),
    ApiOkResponse({
      description: `${description}; with \`Accept: text/csv\`, the whole filtered set as CSV`,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string', example: 'journeyId,officeId,…\r\njrn_…,CPI-TO-01,…\r\n' } },
      },
    }),
  );
}

@ApiTags('supervisor')
@ApiBearerAuth()
@Roles('supervisor', 'regional_supervisor', 'administrator')
@Controller('supervisor')
export class SupervisorController {
  constructor(private readonly supervisor: SupervisorService) {}

  @Get('stalled-cases')
  @ApiOperation({
    summary: 'Stalled cases',
    description:
      'Open journeys that are stalled — a business condition, not an engine fault: a pact action overdue, an agreed contact missed, the pact not ' +
      "signed by the catalogue's deadline, or no progress for the catalogue's stall period. A journey leaves the list as soon as progress clears " +
      `its reasons. Longest stalled first unless \`sort=newest\`. ${SCOPE} ${CSV}`,
  })
  @ApiPageOrCsv('A page of stalled journeys', StalledCasePageDto)
  @ApiErrorResponses(ERRORS)
  stalledCases(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StalledCasesQuery,
    @Headers('accept') accept?: string,
  ): Promise<StalledCasePageDto | StreamableFile> {
    assertCovers(principal, ...query.officeId);
    return wantsCsv(accept) ? Promise.resolve(this.supervisor.stalledCasesCsv(query)) : this.supervisor.stalledCases(query);
  }

  @Get('overdue-actions')
  @ApiOperation({
    summary: 'Overdue pact actions',
    description:
      "Pact actions of open journeys that fell due without being completed, longest overdue first, with when each was escalated (the catalogue's " +
      `\`escalationAfter\` after its due instant). Completing an action removes it. ${SCOPE} ${CSV}`,
  })
  @ApiPageOrCsv('A page of overdue actions', OverdueActionPageDto)
  @ApiErrorResponses(ERRORS)
  overdueActions(
    @CurrentPrincipal() principal: Principal,
    @Query() query: OverdueActionsQuery,
    @Headers('accept') accept?: string,
  ): Promise<OverdueActionPageDto | StreamableFile> {
    assertCovers(principal, ...query.officeId);
    return wantsCsv(accept) ? Promise.resolve(this.supervisor.overdueActionsCsv(query)) : this.supervisor.overdueActions(query);
  }

  @Get('pacts-awaiting-acceptance')
  @ApiOperation({
    summary: 'Pacts awaiting acceptance',
    description:
      "Open journeys (rules edition 2) with a version of the pact signed and waiting for the person's acceptance: not in force, none of its deadlines " +
      'started — version 1 keeps the journey `awaiting_pact`, an amendment leaves the version before it in force. Longest waiting first, with until when ' +
      "it may wait (the catalogue's `pactAcceptanceWindow`, past which the supervisors are told). Recording the acceptance removes it. " +
      SCOPE,
  })
  @ApiOkResponse({ description: 'A page of pact versions waiting for acceptance', type: PactAwaitingAcceptancePageDto })
  @ApiErrorResponses(ERRORS)
  pactsAwaitingAcceptance(@CurrentPrincipal() principal: Principal, @Query() query: PactsAwaitingAcceptanceQuery): Promise<PactAwaitingAcceptancePageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.pactsAwaitingAcceptance(query);
  }

  @Get('paused-journeys')
  @ApiOperation({
    summary: 'Paused journeys',
    description:
      'Open journeys whose clocks are paused now (issue 14): suspended by a job of up to six months (stage `suspended`, art. 19 c.3 D.lgs. 150/2015) ' +
      "or in a justified long absence from the catalogue's list. Paused longest first, with the expected end (`pastExpectedEnd=true`: a job whose end " +
      'was not recorded yet). Ending the suspension or the absence removes it. ' +
      SCOPE,
  })
  @ApiOkResponse({ description: 'A page of paused journeys', type: PausedJourneyPageDto })
  @ApiErrorResponses(ERRORS)
  pausedJourneys(@CurrentPrincipal() principal: Principal, @Query() query: PausedJourneysQuery): Promise<PausedJourneyPageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.pausedJourneys(query);
  }

  @Get('profiling-reviews')
  @ApiOperation({
    summary: 'GOL profiling reviews due',
    description:
      "Open journeys whose last GOL profiling is past the catalogue's `profilingReview` (GOL: 90 days from the day the national model computed it): " +
      'the operator was told (`profiling_review_due`); recording the new profiling removes the journey. Longest overdue first. ' +
      SCOPE,
  })
  @ApiOkResponse({ description: 'A page of journeys with a profiling review due', type: ProfilingReviewDuePageDto })
  @ApiErrorResponses(ERRORS)
  profilingReviews(@CurrentPrincipal() principal: Principal, @Query() query: ProfilingReviewsQuery): Promise<ProfilingReviewDuePageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.profilingReviews(query);
  }

  @Get('appointments')
  @ApiOperation({
    summary: 'Appointments',
    description:
      "The offices' appointments for the six services — scheduled, held, missed (`no_show`) or cancelled — earliest first unless `sort=latest`, " +
      'with how the person was convened and whether that convocation allows a sanction (`convocationValid`: PEC, registered letter, or agreed ' +
      'and signed). `from`/`to` bound the appointment time: a bare date is a Rome calendar day (both ends included), an instant is taken as it ' +
      `is (\`to\` exclusive). ${SCOPE} ${CSV}`,
  })
  @ApiPageOrCsv('A page of appointments', AppointmentPageDto)
  @ApiErrorResponses({ ...ERRORS, VALIDATION_FAILED: `${ERRORS.VALIDATION_FAILED}, or \`to\` is before \`from\`` })
  appointments(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AppointmentsQuery,
    @Headers('accept') accept?: string,
  ): Promise<AppointmentPageDto | StreamableFile> {
    assertCovers(principal, ...query.officeId);
    return wantsCsv(accept) ? Promise.resolve(this.supervisor.appointmentsCsv(query)) : this.supervisor.appointments(query);
  }

  @Get('conditionality-steps')
  @ApiOperation({
    summary: 'Conditionality steps',
    description:
      'Steps of the conditionality ladders (art. 21 c.7 D.lgs. 150/2015) the journeys proposed when a no-show or a refused suitable offer went ' +
      "unjustified — only for benefit recipients convened validly — and the operators' decisions: `status=proposed` lists those waiting, " +
      'longest waiting first (unless `sort=newest`); a confirmed step carries its sanction, its notification and appeal deadline, and its appeal ' +
      '(`appealPending=true` lists the appeals waiting for an outcome; an `annulled` step counts on no ladder). `from`/`to` bound when the step ' +
      `was proposed. ${SCOPE} ${CSV}`,
  })
  @ApiPageOrCsv('A page of conditionality steps', ConditionalityStepPageDto)
  @ApiErrorResponses({ ...ERRORS, VALIDATION_FAILED: `${ERRORS.VALIDATION_FAILED}, or \`to\` is before \`from\`` })
  conditionalitySteps(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ConditionalityStepsQuery,
    @Headers('accept') accept?: string,
  ): Promise<ConditionalityStepPageDto | StreamableFile> {
    assertCovers(principal, ...query.officeId);
    return wantsCsv(accept) ? Promise.resolve(this.supervisor.conditionalityStepsCsv(query)) : this.supervisor.conditionalitySteps(query);
  }

  @Get('services')
  @ApiOperation({
    summary: 'Services delivered',
    description:
      "For each of the six services (in the catalogue's order; per programme with `byProgramme=true`): how many of the offices' journeys " +
      'require it or started it, how many have it not started, in progress or completed, and the hours and sessions delivered so far. ' +
      SCOPE,
  })
  @ApiOkResponse({ description: 'A page of service figures', type: ServiceFiguresPageDto })
  @ApiErrorResponses(ERRORS)
  services(@CurrentPrincipal() principal: Principal, @Query() query: ServicesQuery): Promise<ServiceFiguresPageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.services(query);
  }

  @Get('kpis')
  @ApiExtraModels(GolMonitoringFiguresDto)
  @ApiOperation({
    summary: "The offices' figures",
    description:
      'Journeys by stage, open, stalled (by reason), overdue actions, hours delivered per service and conditionality steps waiting for a decision ' +
      'are a snapshot of now, as are appeals pending and confirmed steps not yet notified; placements (also by programme), confirmed conditionality ' +
      'steps still in force and those annulled on appeal (by the day they were confirmed), and the median days from presa in carico ' +
      'to pact count what happened in the period `from`–`to` (Rome calendar days, both included; open-ended when absent). ' +
      "`gol` (issue 15) counts what GOL's monitoring counts — people taken in charge in the period (by path), the vulnerable share among those " +
      'with monitoring data against the 75% target, people in training now, people placed and the median days from DID to pact in the period — ' +
      "over the offices in scope and per region of their offices (`gol.byRegion`) and per office (`gol.byOffice`). " +
      SCOPE,
  })
  @ApiOkResponse({ description: 'The figures', type: KpisDto })
  @ApiErrorResponses({ ...ERRORS, VALIDATION_FAILED: `${ERRORS.VALIDATION_FAILED}, or \`to\` is before \`from\`` })
  kpis(@CurrentPrincipal() principal: Principal, @Query() query: KpisQuery): Promise<KpisDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.kpis(query);
  }
}
