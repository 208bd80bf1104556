import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrorResponses } from '../common/api-error-responses.decorator';
import { OfficeIdPipe } from '../common/pipes/pattern-param.pipes';
import { AddClosureDto, OfficeDto, PutOfficeDto } from './dto/office.dto';
import { OfficesService } from './offices.service';

const OFFICE_PARAM = ApiParam({ name: 'officeId', description: 'Office id: 1-64 of letters, digits, _ -', example: 'CPI-MI-01' });
const DB_DOWN = 'PostgreSQL cannot be reached';
const ADMIN_ONLY = 'For administrators only (403 `FORBIDDEN` otherwise); audited like every write.';
const PINNED =
  'A journey pins its office (kind, competent CPI, calendar) when it starts and keeps it: changing an office changes only journeys started afterwards.';
const READ_ACCESS =
  'Any authenticated role, not scoped to the caller\'s offices: the directory holds no personal data, and every office needs to know which CPI decides ' +
  'its sanctions and when the others are closed.';

/**
 * The directory of offices (issue 13): CPIs and accredited operators (D.lgs. 276/2003 art. 7), the CPI competent for
 * each (only its staff decide sanctions, art. 21 c.7 and art. 23 D.lgs. 150/2015), and their calendars.
 */
@ApiTags('offices')
@ApiBearerAuth()
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Get()
  @ApiOperation({ summary: 'The directory of offices', description: `Every office, by id. ${READ_ACCESS}` })
  @ApiOkResponse({ description: 'Every office', type: OfficeDto, isArray: true })
  @ApiErrorResponses({ UNAUTHENTICATED: 'no valid bearer token', READ_MODEL_UNAVAILABLE: DB_DOWN })
  list(): Promise<OfficeDto[]> {
    return this.offices.list();
  }

  @Get(':officeId')
  @OFFICE_PARAM
  @ApiOperation({ summary: 'An office', description: `${READ_ACCESS} ${PINNED}` })
  @ApiOkResponse({ description: 'The office', type: OfficeDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the office id is malformed',
    OFFICE_NOT_FOUND: 'the directory has no such office',
    UNAUTHENTICATED: 'no valid bearer token',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  get(@Param('officeId', OfficeIdPipe) officeId: string): Promise<OfficeDto> {
    return this.offices.get(officeId);
  }

  @Put(':officeId')
  @Roles('administrator')
  @OFFICE_PARAM
  @ApiOperation({
    summary: 'Add or replace an office',
    description:
      'A `cpi` is its own competent CPI; an `accredited` operator names the CPI whose area it works in, which must be in the directory as a `cpi` ' +
      '(and a CPI that accredited operators name stays a CPI). The calendar lists what closes the office besides Sundays and the national holidays: ' +
      `the patron saint, regional days counted from Easter, one-off dates, and whether it is closed on Saturdays. ${PINNED} ${ADMIN_ONLY}`,
  })
  @ApiBody({ type: PutOfficeDto })
  @ApiOkResponse({ description: 'The office as stored', type: OfficeDto })
  @ApiErrorResponses({
    VALIDATION_FAILED:
      'the office id or a field breaks a rule, or an accredited operator\'s competent CPI is not a CPI of the directory (`fields` names each, e.g. `competentCpiId`, `calendar.annual[0].monthDay`)',
    MALFORMED_JSON: 'the body is not well-formed JSON',
    PAYLOAD_TOO_LARGE: 'the body exceeds the size limit (100kb by default)',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an administrator',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  async put(@Param('officeId', OfficeIdPipe) officeId: string, @Body() body: PutOfficeDto): Promise<OfficeDto> {
    return (await this.offices.put(officeId, body)).office;
  }

  @Post(':officeId/closures')
  @HttpCode(200)
  @Roles('administrator')
  @OFFICE_PARAM
  @ApiOperation({ summary: 'Add a one-off closure to an office', description: `The office is closed that day (its deadlines move off it, its working days skip it). ${PINNED} ${ADMIN_ONLY}` })
  @ApiBody({ type: AddClosureDto })
  @ApiOkResponse({ description: 'The office with the closure', type: OfficeDto })
  @ApiErrorResponses({
    VALIDATION_FAILED: 'the office id, `date` or `name` is malformed',
    OFFICE_NOT_FOUND: 'the directory has no such office',
    MALFORMED_JSON: 'the body is not well-formed JSON',
    UNAUTHENTICATED: 'no valid bearer token',
    FORBIDDEN: 'not an administrator',
    READ_MODEL_UNAVAILABLE: DB_DOWN,
  })
  addClosure(@Param('officeId', OfficeIdPipe) officeId: string, @Body() body: AddClosureDto): Promise<OfficeDto> {
    return this.offices.addClosure(officeId, body);
  }
}
