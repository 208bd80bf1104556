import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '@sal/persistence';
import { JOURNEY_ID_PATTERN } from '@sal/temporal';
import { PageQuery } from '../../common/dto/page.query';
import { OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN } from '../../common/input-rules';

/** Filters and page of `GET /notifications`. */
export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only messages of this journey', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  @IsOptional()
  @Matches(JOURNEY_ID_PATTERN, { message: 'must be a journey id: jrn_ followed by 32 lowercase hex characters' })
  journeyId?: string;

  @ApiPropertyOptional({ description: "Only messages of this office's journeys", example: 'CPI-MI-01' })
  @IsOptional()
  @Matches(OFFICE_ID_PATTERN, { message: OFFICE_ID_MESSAGE })
  officeId?: string;

  @ApiPropertyOptional({ description: 'Only messages in this state (`failed` and `undeliverable` need someone to look)', enum: OUTBOX_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}
