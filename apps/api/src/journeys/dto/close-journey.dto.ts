import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLOSURE_REASONS, type ClosureReason } from '@sal/domain';
import type { CloseJourneyInput } from '@sal/contracts';
import { OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** Ends the journey. A closed journey accepts no more commands. */
export class CloseJourneyDto implements CloseJourneyInput {
  @ApiProperty({
    description:
      'Why the journey ends: `placed` (prefer `POST /journeys/{id}/placement`, which records the placement too), `path_completed` ' +
      "(every service of the journey's catalogue completed, else 409 `PATH_NOT_COMPLETED`), `withdrawn`, `transferred`, `unreachable`, " +
      '`status_lost`, `other`. `decadenza` is refused (409 `CLOSURE_NOT_ALLOWED`): it follows only a confirmed conditionality step.',
    enum: CLOSURE_REASONS,
    example: 'withdrawn',
  })
  @IsIn(CLOSURE_REASONS, { message: `must be one of ${CLOSURE_REASONS.join(', ')}` })
  reason!: ClosureReason;

  @ApiProperty({ description: 'Operator who closes the journey', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;

  @ApiPropertyOptional({ description: 'Details (at most 2000 characters)', example: 'Hired on a permanent contract by ACME S.p.A.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  details?: string;
}
