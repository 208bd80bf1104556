import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsIsoInstant } from '../../common/validators/iso-dates.validator';
import { serviceOutputsDescription } from '../service-outputs';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** A session of one of the six services (the service comes from the path). */
export class RecordServiceDeliveryDto {
  @ApiProperty({ description: 'Operator who delivered the session', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiProperty({ description: 'Hours delivered in this session: above 0, at most 12, at most two decimals', example: 1.5, minimum: 0.01, maximum: 12 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimals' })
  @Min(0.01)
  @Max(12)
  hours!: number;

  @ApiPropertyOptional({
    description:
      "What the session produced; the fields depend on the service (anything else is refused, 400 `INVALID_VALUE` naming `outputs.<field>`). Later deliveries add to or replace earlier outputs. Texts are short summaries or references to documents kept elsewhere (at most 2000 characters): the journey's history is immutable and holds no documents. Defaults to `{}`.\n\n" +
      serviceOutputsDescription(),
    type: 'object',
    additionalProperties: true,
    example: { developmentAreasSheet: 'Scheda SAP prot. 2026/1182', cv: 'CV Europass v2 (fascicolo 1182)' },
  })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  outputs?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'When the session took place: ISO-8601 date-time with offset, not in the future, not before the DID date; defaults to now',
    example: '2026-02-10T10:00:00+01:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsIsoInstant()
  deliveredAt?: string;

  @ApiPropertyOptional({
    description: "Whether this session completes the service (its required outputs must then be recorded); a completed service accepts no more deliveries and releases the services after it. Not for `reception` (the intake completes it). Defaults to false.",
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  completesService?: boolean;
}
