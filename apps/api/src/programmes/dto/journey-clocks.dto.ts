import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JourneyClocks } from '@sal/domain';

const DURATION = 'ISO-8601 duration (P7D, PT12H, PT30S), or null to turn this clock off';
const OPTIONAL = 'Optional: absent means off.';
const LEGAL =
  'A legal clock: whole days (`P15D`) count civil days in Rome and fall due at the end of the last day (working days when ' +
  'the catalogue lists it in `workingDayClocks`); a duration with a time part (`PT30S`, for test catalogues) is added to the instant as it is.';

/**
 * The clocks a programme catalogue gives its journeys; a journey keeps those of the version it started with. The four
 * core clocks are always stated (possibly null); the others, added later, are optional (absent: off).
 */
export class JourneyClocksDto implements JourneyClocks {
  @ApiProperty({ description: `How long before a pact action falls due the person is reminded. ${DURATION}`, example: 'P2D', type: String, nullable: true })
  reminderBeforeDue!: string | null;

  @ApiProperty({
    description: `How long an overdue action, a missed agreed contact or a missed pact deadline may last before the office's supervisors are told. ${DURATION}`,
    example: 'P7D',
    type: String,
    nullable: true,
  })
  escalationAfter!: string | null;

  @ApiProperty({ description: `How long after the presa in carico the pact must be signed. ${DURATION}`, example: 'P30D', type: String, nullable: true })
  pactDeadline!: string | null;

  @ApiProperty({
    description: `How long without progress (intake, pact, a completed action, a contact, a service delivered) makes a journey stalled. ${DURATION}`,
    example: 'P60D',
    type: String,
    nullable: true,
  })
  stallAfter!: string | null;

  @ApiPropertyOptional({
    description: `Legal (art. 20 c.1): the person contacts the office within this period of the DID; missed, the journey is stalled (\`first_contact_missed\`). ${LEGAL} ${DURATION}. ${OPTIONAL}`,
    example: 'P30D',
    type: String,
    nullable: true,
  })
  firstContactAfterDid?: string | null;

  @ApiPropertyOptional({
    description: `Legal (art. 21 c.2): a NASpI/DIS-COLL applicant contacts the office within this period of the application date. ${LEGAL} ${DURATION}. ${OPTIONAL}`,
    example: 'P15D',
    type: String,
    nullable: true,
  })
  firstContactAfterBenefitClaim?: string | null;

  @ApiPropertyOptional({ description: `How long before an appointment the person is reminded. ${DURATION}. ${OPTIONAL}`, example: 'P1D', type: String, nullable: true })
  appointmentReminderBefore?: string | null;

  @ApiPropertyOptional({
    description: `Legal: how long after a missed appointment a justification is accepted (the next day); when it runs out a conditionality step may be proposed. Off: the window never closes. ${LEGAL} ${DURATION}. ${OPTIONAL}`,
    example: 'P1D',
    type: String,
    nullable: true,
  })
  justificationWindow?: string | null;

  @ApiPropertyOptional({
    description: `Legal: how long after refusing a suitable offer (offerta congrua) an excuse is accepted (2 working days). ${LEGAL} ${DURATION}. ${OPTIONAL}`,
    example: 'P2D',
    type: String,
    nullable: true,
  })
  offerExcuseWindow?: string | null;

  @ApiPropertyOptional({
    description: `Legal: how long after a confirmed conditionality sanction the person may appeal (30 days); the step records the last day. ${LEGAL} ${DURATION}. ${OPTIONAL}`,
    example: 'P30D',
    type: String,
    nullable: true,
  })
  appealWindow?: string | null;

  @ApiPropertyOptional({
    description: `How often the person must contact the operator when the pact does not say (the pact's \`contactFrequency\` defaults to it). ${DURATION}. ${OPTIONAL}`,
    example: 'P30D',
    type: String,
    nullable: true,
  })
  defaultContactFrequency?: string | null;

  @ApiPropertyOptional({
    description:
      "How long a signed version of the pact may wait for the person's acceptance before the office's supervisors are told (journeys of rules edition 2; not a legal clock, " +
      `counted from the signing or amendment). ${DURATION}. ${OPTIONAL}`,
    example: 'P7D',
    type: String,
    nullable: true,
  })
  pactAcceptanceWindow?: string | null;

  @ApiPropertyOptional({
    description:
      "How long after the day the national model computed the last GOL profiling it is due for review (issue 14; not a legal clock, moved by the journey's pauses): " +
      `past it the operator is told and the journey is listed by \`GET /supervisor/profiling-reviews\`. ${DURATION}. ${OPTIONAL}`,
    example: 'P90D',
    type: String,
    nullable: true,
  })
  profilingReview?: string | null;
}
