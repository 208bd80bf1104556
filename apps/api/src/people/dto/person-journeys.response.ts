import { ApiProperty } from '@nestjs/swagger';
import { CLOSURE_REASONS, JOURNEY_STAGES, JOURNEY_STATUSES, type ClosureReason, type JourneyStage, type JourneyStatus } from '@sal/domain';

/** One episode of the person's, from the read model. */
export class PersonEpisodeDto {
  @ApiProperty({ description: 'Journey id', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' })
  journeyId!: string;

  @ApiProperty({ description: 'Programme', example: 'GOL-1' })
  programmeCode!: string;

  @ApiProperty({ description: 'Employment office in charge', example: 'CPI-MI-01' })
  officeId!: string;

  @ApiProperty({ description: 'Stage', enum: JOURNEY_STAGES, example: 'closed' })
  stage!: JourneyStage;

  @ApiProperty({ description: 'Status', enum: JOURNEY_STATUSES, example: 'closed' })
  status!: JourneyStatus;

  @ApiProperty({ description: 'Date of the DID the episode started from, YYYY-MM-DD', example: '2026-01-15', format: 'date' })
  didDate!: string;

  @ApiProperty({ description: 'When the episode started (UTC instant)', example: '2026-01-15T09:00:00.000Z', format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ description: 'When it was closed (UTC instant), or null while open', example: '2026-06-01T08:00:00.000Z', format: 'date-time', nullable: true, type: String })
  closedAt!: string | null;

  @ApiProperty({ description: 'Why it was closed, or null while open', enum: CLOSURE_REASONS, example: 'transferred', nullable: true })
  closureReason!: ClosureReason | null;

  @ApiProperty({ description: 'The episode this one continues (a transfer), or null for an episode started from a DID', example: null, nullable: true, type: String })
  previousJourneyId!: string | null;

  @ApiProperty({ description: 'The episode a transfer opened after this one, or null', example: 'jrn_9a8b7c6d5e4f30211f2e3d4c5b6a7980', nullable: true, type: String })
  nextJourneyId!: string | null;
}

/** What the caller may not see of the person: their episodes followed by offices outside the caller's. */
export class EpisodesElsewhereDto {
  @ApiProperty({ description: "How many of the person's episodes other offices follow (not listed)", example: 1 })
  count!: number;

  @ApiProperty({ description: 'Whether one of them is open: a start here would answer 409 `PERSON_FOLLOWED_ELSEWHERE`', example: false })
  open!: boolean;
}

/** A person's episodes (journeys), oldest first, as far as the caller's offices reach. */
export class PersonJourneysDto {
  @ApiProperty({ description: 'The person: keyed hash of the fiscal code, the same for all their episodes', example: 'prs_9b1c3e5a7f2d4b6c8e0a1f3d5b7c9e2a' })
  personRef!: string;

  @ApiProperty({ description: "The person's episodes in the caller's offices, oldest first (every office for callers of all offices)", type: () => [PersonEpisodeDto] })
  journeys!: PersonEpisodeDto[];

  @ApiProperty({ description: 'The episodes other offices follow: only counted', type: () => EpisodesElsewhereDto })
  elsewhere!: EpisodesElsewhereDto;
}
