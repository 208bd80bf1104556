import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PACT_ACTION_KINDS, PROFILING_CLASSES, type PactActionInput, type PactActionKind, type PactAvailability, type ProfilingClass } from '@sal/domain';
import type { SignPactInput } from '@sal/contracts';
import { IsDueDate, IsIsoDuration } from '../../common/validators/iso-dates.validator';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** The person's availability clauses (art. 20 c.3 D.lgs. 150/2015). */
export class PactAvailabilityDto implements PactAvailability {
  @ApiProperty({ description: 'Available for orientation workshops', example: true })
  @IsBoolean()
  workshops!: boolean;

  @ApiProperty({ description: 'Available for training courses', example: true })
  @IsBoolean()
  training!: boolean;

  @ApiProperty({ description: 'Will accept suitable job offers (offerta congrua)', example: true })
  @IsBoolean()
  suitableOffers!: boolean;
}

/** One action the pact asks of the person. Actions are numbered A1, A2, … in the order given. */
export class PactActionInputDto implements PactActionInput {
  @ApiProperty({ description: 'What the action asks of the person', enum: PACT_ACTION_KINDS, example: 'workshop' })
  @IsIn(PACT_ACTION_KINDS, { message: `must be one of ${PACT_ACTION_KINDS.join(', ')}` })
  kind!: PactActionKind;

  @ApiProperty({ description: 'What exactly is to be done (1-500 characters)', example: 'Attend the CV writing workshop at the office', minLength: 1, maxLength: 500 })
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  description!: string;

  @ApiProperty({
    description: 'When it falls due, after the signing: YYYY-MM-DD (due at the end of that day in Rome) or an ISO-8601 date-time with offset',
    example: '2026-03-31',
  })
  @IsDueDate()
  dueDate!: string;
}

/** Signing the Patto di servizio personalizzato (art. 20 D.lgs. 150/2015). */
export class SignPactDto implements SignPactInput {
  @ApiProperty({ description: 'Operator responsible for the pact', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  responsibleOperatorId!: string;

  @ApiProperty({ description: "Profiling class: the person's distance from the labour market", enum: PROFILING_CLASSES, example: 'medium' })
  @IsIn(PROFILING_CLASSES, { message: `must be one of ${PROFILING_CLASSES.join(', ')}` })
  profilingClass!: ProfilingClass;

  @ApiPropertyOptional({
    description:
      "How often the person must contact the operator: ISO-8601 duration. Defaults to the journey's catalogue `defaultContactFrequency`; " +
      'without one it is required (400 `INVALID_DURATION` naming `contactFrequency`).',
    example: 'P30D',
  })
  @IsOptional()
  @IsIsoDuration()
  contactFrequency?: string;

  @ApiPropertyOptional({ description: 'How the person proves active job search (art. 20 c.2 lett. d), 1-1000 characters', example: 'Monthly report of applications sent', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  jobSearchProof?: string;

  @ApiProperty({ description: 'Availability clauses', type: () => PactAvailabilityDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PactAvailabilityDto)
  @IsObject({ message: 'must be an object' })
  availability!: PactAvailabilityDto;

  @ApiProperty({ description: 'The actions agreed, 1 to 50; numbered A1, A2, … in this order', type: () => [PactActionInputDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each action must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PactActionInputDto)
  actions!: PactActionInputDto[];
}
