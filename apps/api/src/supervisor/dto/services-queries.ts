import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import {
  APPOINTMENT_PURPOSES,
  APPOINTMENT_STATUSES,
  CONDITIONALITY_LADDERS,
  JOURNEY_STATUSES,
  SANCTION_EFFECTS,
  SERVICE_CODES,
  STEP_STATUSES,
  toMillis,
  type AppointmentPurpose,
  type AppointmentStatus,
  type ConditionalityLadder,
  type JourneyStatus,
  type SanctionEffect,
  type ServiceCode,
  type StepStatus,
} from '@sal/domain';
import { APPOINTMENT_SORTS, STEP_SORTS } from '@sal/persistence';
import { BooleanQuery } from '../../common/dto/boolean-query';
import { PageQuery } from '../../common/dto/page.query';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN, PROGRAMME_CODE_MESSAGE, PROGRAMME_CODE_PATTERN } from '../../common/input-rules';
import { isBound, periodBound } from '../period';
import { OfficeScopeQuery } from './office-scope';

/** One of the read model's orders of appointments and of conditionality steps (`…_SORTS`, the default first). */
export type AppointmentSort = (typeof APPOINTMENT_SORTS)[number];
export type StepSort = (typeof STEP_SORTS)[number];

const BOUND_MESSAGE = 'must be YYYY-MM-DD (a Rome calendar day) or an ISO-8601 date-time with offset';

function IsPeriodBound(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isPeriodBound', validator: { validate: isBound, defaultMessage: () => BOUND_MESSAGE } }, options);
}

/**
 * `to` not before `from`: the period they stand for must not be empty (a day as `to` may equal the day in `from`; an
 * instant as `to`, exclusive, must come after `from`). Checked only when both are well formed.
 */
function IsNotBeforeFrom(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBeforeFrom',
      validator: {
        validate: (value: unknown, args) => {
          const from = (args?.object as { from?: unknown } | undefined)?.from;
          if (!isBound(value) || !isBound(from)) return true;
          return toMillis(periodBound(value, 'to')) > toMillis(periodBound(from, 'from'));
        },
        defaultMessage: () => 'cannot be before from (an instant, exclusive, must come after it)',
      },
    },
    options,
  );
}

const PROGRAMME = { description: 'Only this programme', example: 'GOL-1' };

/** Filters and page of `GET /supervisor/appointments`. */
export class AppointmentsQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({
    description: 'Appointments from this Rome calendar day (YYYY-MM-DD, inclusive) or instant (ISO-8601 with offset, inclusive)',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsPeriodBound()
  from?: string;

  @ApiPropertyOptional({
    description: 'Appointments up to this Rome calendar day (YYYY-MM-DD, inclusive) or before this instant (ISO-8601 with offset, exclusive); not before `from`',
    example: '2026-03-31',
  })
  @IsOptional()
  @IsPeriodBound()
  @IsNotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ description: 'Only appointments with this status (`no_show`: the person did not come)', enum: APPOINTMENT_STATUSES, example: 'scheduled' })
  @IsOptional()
  @IsIn(APPOINTMENT_STATUSES, { message: `must be one of ${APPOINTMENT_STATUSES.join(', ')}` })
  status?: AppointmentStatus;

  @ApiPropertyOptional({ description: 'Only appointments for this service', enum: SERVICE_CODES, example: 'second_level_interview' })
  @IsOptional()
  @IsIn(SERVICE_CODES, { message: `must be one of ${SERVICE_CODES.join(', ')}` })
  service?: ServiceCode;

  @ApiPropertyOptional({ description: 'Only appointments for this purpose (it decides the conditionality ladder of a no-show)', enum: APPOINTMENT_PURPOSES, example: 'interview' })
  @IsOptional()
  @IsIn(APPOINTMENT_PURPOSES, { message: `must be one of ${APPOINTMENT_PURPOSES.join(', ')}` })
  purpose?: AppointmentPurpose;

  @ApiPropertyOptional({
    description: '`true`: only appointments convened by PEC, registered letter or agreed and signed (a no-show may lead to a sanction); `false`: only the others',
    enum: ['true', 'false'],
    example: 'false',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  convocationValid?: boolean;

  @ApiPropertyOptional(PROGRAMME)
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: PROGRAMME_CODE_MESSAGE })
  programmeCode?: string;

  @ApiPropertyOptional({ description: 'Only appointments this operator scheduled', example: OPERATOR_ID_EXAMPLE })
  @IsOptional()
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId?: string;

  @ApiPropertyOptional({ description: '`earliest`: earliest first; `latest`: latest first', enum: APPOINTMENT_SORTS, default: APPOINTMENT_SORTS[0], example: APPOINTMENT_SORTS[0] })
  @IsOptional()
  @IsIn(APPOINTMENT_SORTS, { message: `must be one of ${APPOINTMENT_SORTS.join(', ')}` })
  sort: AppointmentSort = APPOINTMENT_SORTS[0];
}

/** Filters and page of `GET /supervisor/conditionality-steps`. */
export class ConditionalityStepsQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only steps with this status (`proposed`: waiting for the operator\'s decision)', enum: STEP_STATUSES, example: 'proposed' })
  @IsOptional()
  @IsIn(STEP_STATUSES, { message: `must be one of ${STEP_STATUSES.join(', ')}` })
  status?: StepStatus;

  @ApiPropertyOptional({ description: 'Only steps on this ladder (art. 21 c.7: appointments and workshops, training, suitable offer)', enum: CONDITIONALITY_LADDERS, example: 'appointments' })
  @IsOptional()
  @IsIn(CONDITIONALITY_LADDERS, { message: `must be one of ${CONDITIONALITY_LADDERS.join(', ')}` })
  ladder?: ConditionalityLadder;

  @ApiPropertyOptional({ description: 'Only steps carrying this sanction', enum: SANCTION_EFFECTS, example: 'decadenza' })
  @IsOptional()
  @IsIn(SANCTION_EFFECTS, { message: `must be one of ${SANCTION_EFFECTS.join(', ')}` })
  effect?: SanctionEffect;

  @ApiPropertyOptional({ description: '`true`: only steps whose appeal was lodged and waits for its outcome; `false`: only the others', enum: ['true', 'false'], example: 'true' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  appealPending?: boolean;

  @ApiPropertyOptional(PROGRAMME)
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: PROGRAMME_CODE_MESSAGE })
  programmeCode?: string;

  @ApiPropertyOptional({ description: 'Steps proposed from this Rome calendar day (YYYY-MM-DD, inclusive) or instant (ISO-8601 with offset)', example: '2026-03-01' })
  @IsOptional()
  @IsPeriodBound()
  from?: string;

  @ApiPropertyOptional({ description: 'Steps proposed up to this Rome calendar day (inclusive) or before this instant; not before `from`', example: '2026-03-31' })
  @IsOptional()
  @IsPeriodBound()
  @IsNotBeforeFrom()
  to?: string;

  @ApiPropertyOptional({ description: '`oldest`: proposed longest ago first; `newest`: most recent first', enum: STEP_SORTS, default: STEP_SORTS[0], example: STEP_SORTS[0] })
  @IsOptional()
  @IsIn(STEP_SORTS, { message: `must be one of ${STEP_SORTS.join(', ')}` })
  sort: StepSort = STEP_SORTS[0];
}

/** Filters and page of `GET /supervisor/services`. */
export class ServicesQuery extends PageQuery {
  @OfficeScopeQuery()
  officeId!: string[];

  @ApiPropertyOptional({ description: 'Only this service', enum: SERVICE_CODES, example: 'tutoring' })
  @IsOptional()
  @IsIn(SERVICE_CODES, { message: `must be one of ${SERVICE_CODES.join(', ')}` })
  service?: ServiceCode;

  @ApiPropertyOptional(PROGRAMME)
  @IsOptional()
  @Matches(PROGRAMME_CODE_PATTERN, { message: PROGRAMME_CODE_MESSAGE })
  programmeCode?: string;

  @ApiPropertyOptional({ description: 'Only journeys with this status; every journey when absent', enum: JOURNEY_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES, { message: `must be one of ${JOURNEY_STATUSES.join(', ')}` })
  journeyStatus?: JourneyStatus;

  @ApiPropertyOptional({ description: '`true`: one line per service and programme; `false` (default): one line per service', enum: ['true', 'false'], example: 'true' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'must be true or false' })
  byProgramme?: boolean;
}
