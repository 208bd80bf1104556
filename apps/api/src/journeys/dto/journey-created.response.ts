import { ApiProperty } from '@nestjs/swagger';

/** What `POST /journeys` answers: the new journey's id and where it stands. */
export class JourneyCreatedDto {
  @ApiProperty({ description: 'Journey id (derived from fiscal code and DID date with a keyed hash, so a repeated start names the same journey; reveals nothing about the person)', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: 'Stage of a new journey: `assessment` under the programme `GOL` (the path is chosen at the end of the assessment), otherwise `awaiting_intake`', enum: ['awaiting_intake', 'assessment'], example: 'awaiting_intake' })
  stage!: 'awaiting_intake' | 'assessment';

  @ApiProperty({ description: 'Status of a new journey', enum: ['open'], example: 'open' })
  status!: 'open';
}
