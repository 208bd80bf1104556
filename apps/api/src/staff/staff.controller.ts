import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { ListStaffQuery } from './dto/list-staff.query';
import { StaffMemberDto } from './dto/staff-member.response';
import { UpsertStaffMemberDto } from './dto/upsert-staff-member.dto';
import { StaffIdPipe } from './staff-id.pipe';
import { StaffService } from './staff.service';

const DB_DOWN = 'PostgreSQL cannot be reached';
const ADMIN_ONLY = 'For administrators only (403 `FORBIDDEN` for every other role).';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Put(':staffId')
  @Roles('administrator')
  @ApiParam({ name: 'staffId', description: 'Staff id: the operator id journeys use (1-64 of letters, digits, . _ @ -)', example: 'op-milano-017' })
  @ApiOperation({
    summary: 'Add or replace a member of staff',
    description:
      "Operators' notices go to the operator named by the journey; supervisors' notices go to every active supervisor " +
      `of the journey's office. A notice already recorded keeps the address it was recorded with. ${ADMIN_ONLY}`,
  })
  @ApiBody({ type: UpsertStaffMemberDto })
  @ApiOkResponse({ description: 'The member as stored', type: StaffMemberDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the staff id or a body field breaks a rule (`fields` lists them)',
    MALFORMED_JSON: 'the body is not well-formed JSON',
    PAYLOAD_TOO_LARGE: 'the body exceeds the size limit (100kb by default)',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an administrator',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  upsert(@Param('staffId', StaffIdPipe) staffId: string, @Body() body: UpsertStaffMemberDto): Promise<StaffMemberDto> {
    return this.staff.upsert(staffId, body);
  }

  @Get()
  @Roles('supervisor', 'regional_supervisor', 'administrator')
  @ApiOperation({
    summary: 'The staff directory',
    description:
      "Members (active or not), by office then staff id. Scoped to the caller's offices like the journeys: `officeId`, when given, must be one of " +
      "them (403 otherwise), and without it the caller sees their offices' members (administrators every office's).",
  })
  @ApiOkResponse({ description: 'The members that match', type: StaffMemberDto, isArray: true })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'a filter is malformed',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not a supervisor, regional supervisor or administrator, or `officeId` is outside your offices',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListStaffQuery): Promise<StaffMemberDto[]> {
    return this.staff.list(principal, query);
  }
}
