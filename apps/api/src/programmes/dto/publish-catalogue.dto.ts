import { PresentationObligationDto } from '../../journeys/dto/presentation-view.response';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { LEGAL_CLOCK_NAMES } from '@sal/domain';
import { OfferSuitabilityThresholdsDto } from '../../journeys/dto/journey-view-parts.response';
import { Trim } from '../../common/input-rules';
import { JourneyClocksDto } from './journey-clocks.dto';
import { ServiceStepDto } from './service-step.dto';

/**
 * A new definition of a programme catalogue (the code comes from the path).
 *
 * The rules of a catalogue are the domain's own (`validateCatalogue` of `@sal/domain`, which the seed migration and
 * the journey rely on too), so this DTO only admits the fields and the service checks them with that function:
 * one rule set, and problems named as a client writes them (`clocks.stallAfter`, `services[2].after`). Unknown
 * top-level fields are still refused by the global validation pipe, unknown clocks by `validateCatalogue`.
 */
export class PublishCatalogueDto {
  @ApiProperty({ description: 'Title, 1-200 characters (trimmed)', type: String, example: 'GOL percorso 1 – Reinserimento lavorativo', minLength: 1, maxLength: 200 })
  @Allow()
  @Trim()
  title!: unknown;

  @ApiProperty({
    description:
      'The clocks: the four core ones (`reminderBeforeDue`, `escalationAfter`, `pactDeadline`, `stallAfter`) are required, each a positive ISO-8601 duration or null; ' +
      'the seven others are optional (absent or null: off). Any other name is refused.',
    type: () => JourneyClocksDto,
  })
  @Allow()
  clocks!: unknown;

  @ApiPropertyOptional({
    description:
      'The services the path requires, in order: a non-empty list of `{ service, after }` starting with `reception`, each service once, each prerequisite listed earlier. ' +
      'Absent or null: journeys accept any service in any order.',
    type: () => [ServiceStepDto],
    nullable: true,
  })
  @Allow()
  services?: unknown;

  @ApiPropertyOptional({
    description: 'The legal clocks that count working days; each must then be whole days (`P2D`). Absent: none.',
    enum: LEGAL_CLOCK_NAMES,
    isArray: true,
  })
  @Allow()
  workingDayClocks?: unknown;

  @ApiPropertyOptional({
    description:
      'The thresholds of a congrua offer (art. 25 D.lgs. 150/2015): any of the fields, each a number from 0 to 100000; those left out (or the whole section absent or null) are the D.M. 10 aprile 2018 defaults. ' +
      'Journeys pin them at start; the journey decides from them whether a recorded offer is congrua.',
    type: () => OfferSuitabilityThresholdsDto,
    nullable: true,
  })
  @Allow()
  offerSuitability?: unknown;

  @ApiPropertyOptional({
    description:
      "The legal clocks counted in calendar days whose last day moves off a day the journey's office is closed on (art. 2963 c.c.; art. 155 c.4 c.p.c.): " +
      '`{ <legal clock>: { saturdaysClosed } }`, `saturdaysClosed` saying whether Saturdays count as closed for it (art. 155 c.5 c.p.c.). Absent: none moves.',
    type: 'object',
    additionalProperties: { type: 'object', properties: { saturdaysClosed: { type: 'boolean' } }, required: ['saturdaysClosed'] },
    example: { justificationWindow: { saturdaysClosed: false }, appealWindow: { saturdaysClosed: true } },
  })
  @Allow()
  rollForwardClocks?: unknown;

  @ApiPropertyOptional({
    description:
      'The justified long absences that pause the journeys\' clocks (issue 14): a list of distinct reasons among ' +
      '`illness`, `maternity`, `paternity`, `training_abroad`, `civil_service`, `caregiving`. Absent or null: the GOL list (all but `caregiving`). Journeys pin it at start.',
    type: [String],
    nullable: true,
    example: ['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service'],
  })
  @Allow()
  absenceReasons?: unknown;

  @ApiPropertyOptional({
    description: "The areas of GOL's qualitative assessment (issue 14): at most 30 distinct snake_case names of at most 60 characters, or null (the default list)",
    type: [String],
    nullable: true,
    example: ['education_and_training', 'job_search_autonomy', 'complex_needs'],
  })
  @Allow()
  assessmentAreas?: unknown;

  @ApiPropertyOptional({
    description:
      "Issue 15: the scope, as `GET /programmes/{code}` answers it (so a version read can be published again): it must be the one the request " +
      "publishes in — the `region` query's key, `national` without it — else 400 naming `scope`. The scope is the query's to choose.",
    type: String,
    example: 'national',
  })
  @Allow()
  scope?: unknown;

  @ApiPropertyOptional({
    description:
      'Issue 15: the periodic presentation its benefit asks (ADI, SFL; D.L. 48/2023): `{ benefit: adi|sfl, kind: meeting|confirmation, first, every, decadenzaOnMissedConvocation, duration }` — ' +
      '`first` the first presentation\'s period from the digital activation pact (ADI: P120D; null: `every`), `every` the period from the last one (P90D), ' +
      '`decadenzaOnMissedConvocation` whether a convocation missed without an excuse ends the benefit (art. 8 c.6 lett. a), `duration` the SFL\'s months ' +
      '`{ length: P12M, extension: P12M, updateWindow: P1M, updateGrace: P90D }` or null. Absent or null: none. Journeys pin it at start.',
    type: () => PresentationObligationDto,
    nullable: true,
  })
  @Allow()
  presentation?: unknown;

  @ApiPropertyOptional({
    description:
      "How long a closed episode's personal data is kept (issue 15): an ISO-8601 duration from the closure (P10Y, P5Y6M), or null for the default P10Y. " +
      'Past it the retention sweep erases the person\'s data: the read model is minimised and the journey\'s payload key shredded. Journeys pin it at start.',
    type: String,
    nullable: true,
    example: 'P10Y',
  })
  @Allow()
  personalDataRetention?: unknown;
}
