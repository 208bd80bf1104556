import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { APPOINTMENT_CHANNELS, APPOINTMENT_PURPOSES, CONVOCATION_METHODS, SERVICE_CODES, type AppointmentChannel, type AppointmentPurpose, type ConvocationMethod, type ServiceCode } from '@sal/domain';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

export const CONVOCATION_DESCRIPTION =
  'How the person was convened: `pec`, `registered_letter` or `agreed_signed` (agreed with the operator and signed) make a valid convocation, ' +
  'the only kind a missed appointment can lead to a conditionality step from; `email`, `phone`, `ordinary_mail` are recorded but never sanction.';

/** An appointment for a service: when, how, where, and how the person was convened. */
export class ScheduleAppointmentDto {
  @ApiProperty({ description: "The service it is for: one the journey's catalogue lists and not completed; booking ahead of its prerequisites is allowed", enum: SERVICE_CODES, example: 'second_level_interview' })
  @IsIn(SERVICE_CODES, oneOf(SERVICE_CODES))
  service!: ServiceCode;

  @ApiProperty({
    description: 'What it is for; it decides the ladder a no-show counts on: `interview` and `workshop` on appointments, `training` and `activation` on training',
    enum: APPOINTMENT_PURPOSES,
    example: 'interview',
  })
  @IsIn(APPOINTMENT_PURPOSES, oneOf(APPOINTMENT_PURPOSES))
  purpose!: AppointmentPurpose;

  @ApiProperty({ description: 'When: ISO-8601 date-time with offset, in the future', example: '2026-03-02T09:30:00+01:00', format: 'date-time' })
  @IsIsoInstant()
  at!: string;

  @ApiProperty({ description: 'How it takes place', enum: APPOINTMENT_CHANNELS, example: 'in_person' })
  @IsIn(APPOINTMENT_CHANNELS, oneOf(APPOINTMENT_CHANNELS))
  channel!: AppointmentChannel;

  @ApiPropertyOptional({ description: 'Where (required in person; 1-300 characters)', example: 'CPI Torino, via Bologna 153, sportello 4', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  location?: string;

  @ApiProperty({ description: CONVOCATION_DESCRIPTION, enum: CONVOCATION_METHODS, example: 'pec' })
  @IsIn(CONVOCATION_METHODS, oneOf(CONVOCATION_METHODS))
  convocation!: ConvocationMethod;

  @ApiProperty({ description: 'Operator who schedules it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}

/** Moves a scheduled appointment (its reminder is due again before the new time). */
export class RescheduleAppointmentDto {
  @ApiProperty({ description: 'The new time: ISO-8601 date-time with offset, in the future', example: '2026-03-04T11:00:00+01:00', format: 'date-time' })
  @IsIsoInstant()
  at!: string;

  @ApiPropertyOptional({ description: 'A new channel; defaults to the current one', enum: APPOINTMENT_CHANNELS, example: 'video' })
  @IsOptional()
  @IsIn(APPOINTMENT_CHANNELS, oneOf(APPOINTMENT_CHANNELS))
  channel?: AppointmentChannel;

  @ApiPropertyOptional({ description: 'A new place (1-300 characters); defaults to the current one when the channel stays, required when it becomes in person', example: 'CPI Torino, sala 2', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  location?: string;

  @ApiPropertyOptional({ description: `How the new time was communicated; defaults to the original convocation's method. ${CONVOCATION_DESCRIPTION}`, enum: CONVOCATION_METHODS, example: 'registered_letter' })
  @IsOptional()
  @IsIn(CONVOCATION_METHODS, oneOf(CONVOCATION_METHODS))
  convocation?: ConvocationMethod;

  @ApiProperty({ description: 'Operator who moves it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({ description: 'Why (1-2000 characters)', example: 'Requested by the person: medical visit', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason?: string;
}

/** Cancels a scheduled appointment. */
export class CancelAppointmentDto {
  @ApiProperty({ description: 'Operator who cancels it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiProperty({ description: 'Why (1-2000 characters)', example: 'Office closed for a strike', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  reason!: string;
}

export const APPOINTMENT_OUTCOMES = ['held', 'no_show'] as const;

/** What happened at a scheduled appointment, once its time has come. */
export class RecordAppointmentOutcomeDto {
  @ApiProperty({
    description: '`held`, or `no_show`: a no-show opens a lapse with its justification window (see `lapses` in the journey)',
    enum: APPOINTMENT_OUTCOMES,
    example: 'no_show',
  })
  @IsIn(APPOINTMENT_OUTCOMES, oneOf(APPOINTMENT_OUTCOMES))
  outcome!: (typeof APPOINTMENT_OUTCOMES)[number];

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}
