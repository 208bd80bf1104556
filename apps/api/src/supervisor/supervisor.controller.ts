import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { KpisQuery, OverdueActionsQuery, StalledCasesQuery } from './dto/supervisor-queries';
import { KpisDto, OverdueActionPageDto, StalledCasePageDto } from './dto/supervisor-responses';
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
      `its reasons. Longest stalled first unless \`sort=newest\`. ${SCOPE}`,
  })
  @ApiOkResponse({ description: 'A page of stalled journeys', type: StalledCasePageDto })
  @ApiErrorResponses(ERRORS)
  stalledCases(@CurrentPrincipal() principal: Principal, @Query() query: StalledCasesQuery): Promise<StalledCasePageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.stalledCases(query);
  }

  @Get('overdue-actions')
  @ApiOperation({
    summary: 'Overdue pact actions',
    description:
      "Pact actions of open journeys that fell due without being completed, longest overdue first, with when each was escalated (the catalogue's " +
      `\`escalationAfter\` after its due instant). Completing an action removes it. ${SCOPE}`,
  })
  @ApiOkResponse({ description: 'A page of overdue actions', type: OverdueActionPageDto })
  @ApiErrorResponses(ERRORS)
  overdueActions(@CurrentPrincipal() principal: Principal, @Query() query: OverdueActionsQuery): Promise<OverdueActionPageDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.overdueActions(query);
  }

  @Get('kpis')
  @ApiOperation({
    summary: "The offices' figures",
    description:
      'Journeys by stage, open, stalled (by reason) and overdue actions are a snapshot of now; placements and the median days from presa in carico ' +
      'to pact count what happened in the period `from`–`to` (Rome calendar days, both included; open-ended when absent). ' +
      SCOPE,
  })
  @ApiOkResponse({ description: 'The figures', type: KpisDto })
  @ApiErrorResponses({ ...ERRORS, VALIDATION_FAILED: `${ERRORS.VALIDATION_FAILED}, or \`to\` is before \`from\`` })
  kpis(@CurrentPrincipal() principal: Principal, @Query() query: KpisQuery): Promise<KpisDto> {
    assertCovers(principal, ...query.officeId);
    return this.supervisor.kpis(query);
  }
}
