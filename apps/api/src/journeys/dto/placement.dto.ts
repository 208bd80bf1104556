import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsPositive, IsString, Matches, Max, MaxLength } from 'class-validator';
import { CONTRACT_TYPES, type ContractType } from '@sal/domain';
import { IsIsoDate } from '../../common/validators/iso-dates.validator';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** The placement: it closes the journey as `placed`. */
export class RecordPlacementDto {
  @ApiProperty({ description: 'Employer (1-200 characters)', example: 'Logistica Piemonte S.r.l.', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  employer!: string;

  @ApiProperty({ description: 'Contract type', enum: CONTRACT_TYPES, example: 'permanent' })
  @IsIn(CONTRACT_TYPES, { message: `must be one of ${CONTRACT_TYPES.join(', ')}` })
  contractType!: ContractType;

  @ApiProperty({ description: 'First day of work, YYYY-MM-DD, not before the DID date (it may be in the future)', example: '2026-04-01', format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiPropertyOptional({ description: 'Hours per week: above 0, at most 60', example: 40, exclusiveMinimum: true, minimum: 0, maximum: 60 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @IsPositive({ message: 'must be above 0' })
  @Max(60)
  hoursPerWeek?: number;

  @ApiPropertyOptional({ description: 'The recorded job offer it comes from (`offerId` of `offers`)', example: 'O1', pattern: '^O[0-9]{1,4}$' })
  @IsOptional()
  @Matches(/^O[0-9]{1,4}$/, { message: 'must be a job offer id such as O1' })
  offerId?: string;

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}
