import { ApiProperty } from '@nestjs/swagger';
import {
  OBLIGATION_BENEFIT_KINDS,
  PRESENTATION_EXEMPTION_REASONS,
  PRESENTATION_KINDS,
  type ObligationBenefitKind,
  type ParticipationDuration,
  type PresentationExemption,
  type PresentationExemptionReason,
  type PresentationKind,
  type PresentationObligation,
  type PresentationState,
} from '@sal/domain';

/** Issue 15: the journey's presentation obligation (ADI, SFL), as the catalogue's `presentation` and the view show it. */

const INSTANT = { nullable: true, type: String, format: 'date-time' } as const;

export class ParticipationDurationDto implements ParticipationDuration {
  @ApiProperty({ description: "The benefit's months from the activation pact (SFL: P12M, art. 12 c.7 D.L. 48/2023)", example: 'P12M' })
  length!: string;

  @ApiProperty({ description: 'How much longer with the pact updated (P12M, once)', example: 'P12M' })
  extension!: string;

  @ApiProperty({ description: 'How long before the end an update of the pact counts for the extension (P1M: the last month)', example: 'P1M' })
  updateWindow!: string;

  @ApiProperty({ description: 'How long a benefit suspended at its end waits for the update before it ends (P90D)', example: 'P90D' })
  updateGrace!: string;
}

export class PresentationObligationDto implements PresentationObligation {
  @ApiProperty({ description: 'The benefit it binds: the clock runs while the journey\'s benefit is of this kind, neither refused nor ended', enum: OBLIGATION_BENEFIT_KINDS, example: 'adi' })
  benefit!: ObligationBenefitKind;

  @ApiProperty({ description: '`meeting` (ADI: present to the social services or the CPI) or `confirmation` (SFL: confirm participation)', enum: PRESENTATION_KINDS, example: 'meeting' })
  kind!: PresentationKind;

  @ApiProperty({ description: 'The first presentation\'s period from the digital activation pact (ADI: P120D); null: the first falls `every` after it', example: 'P120D', nullable: true, type: String })
  first!: string | null;

  @ApiProperty({ description: 'Then one every, from the last presentation (P90D)', example: 'P90D' })
  every!: string;

  @ApiProperty({ description: 'Whether a convocation missed without an excuse ends the benefit (decadenza, art. 8 c.6 lett. a D.L. 48/2023)', example: true })
  decadenzaOnMissedConvocation!: boolean;

  @ApiProperty({ description: "The benefit's months and their extension (SFL), or null", type: () => ParticipationDurationDto, nullable: true })
  duration!: ParticipationDurationDto | null;
}

export class PresentationExemptionDto implements PresentationExemption {
  @ApiProperty({ description: 'Why the member is exempt (art. 6 c.4–5 D.L. 48/2023)', enum: PRESENTATION_EXEMPTION_REASONS, example: 'aged_60_or_over' })
  reason!: PresentationExemptionReason;

  @ApiProperty({ description: 'Note', example: null, nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ description: 'Who recorded it', example: 'op-anna' })
  operatorId!: string;

  @ApiProperty({ description: 'When it was recorded', example: '2026-03-02T09:00:00.000Z', format: 'date-time' })
  since!: string;
}

export class PresentationViewDto implements PresentationState {
  @ApiProperty({ description: 'The obligation the journey pinned from its catalogue', type: () => PresentationObligationDto })
  rule!: PresentationObligationDto;

  @ApiProperty({ description: 'The last presentation recorded, or null', example: '2026-05-10T09:00:00.000Z', ...INSTANT })
  lastPresentedAt!: string | null;

  @ApiProperty({ description: 'The due instant missed while the suspension it caused waits for a presentation, else null', example: null, ...INSTANT })
  missedDueAt!: string | null;

  @ApiProperty({ description: 'The exemption (no clock), or null', type: () => PresentationExemptionDto, nullable: true })
  exemption!: PresentationExemptionDto | null;

  @ApiProperty({ description: 'When the last exemption was withdrawn (the clock restarted), or null', example: null, ...INSTANT })
  exemptionWithdrawnAt!: string | null;

  @ApiProperty({ description: 'SFL: when the benefit was extended (the pact updated), or null', example: null, ...INSTANT })
  extendedAt!: string | null;

  @ApiProperty({ description: "SFL: since when the benefit, suspended at its months' end, waits for the pact's update, or null", example: null, ...INSTANT })
  awaitingPactUpdateSince!: string | null;
}
