import { PresentationObligationDto } from '../../journeys/dto/presentation-view.response';
import type { PresentationObligation } from '@sal/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_CLOCK_NAMES, type LegalClockName, type RollForwardClocks, type AbsenceReason } from '@sal/domain';
import { JourneyClocksDto } from './journey-clocks.dto';
import { ServiceStepDto } from './service-step.dto';
import { OfferSuitabilityThresholdsDto } from '../../journeys/dto/journey-view-parts.response';

/**
 * One version of a programme catalogue. Versions never change: publishing makes the next one. `services` and
 * `workingDayClocks` appear when the version states them (a version published without them answers as before).
 */
export class ProgrammeCatalogueDto {
  @ApiProperty({ description: 'Programme code', example: 'GOL-1' })
  code!: string;

  @ApiProperty({ description: 'Version: 1 for the first definition, then one more for each `PUT` (of the same scope and code)', example: 2, minimum: 1 })
  version!: number;

  @ApiProperty({
    description:
      "Issue 15: `national` (the defaults, which apply in every region that has not published its own version of the code) or the key of the " +
      "region that published it (e.g. `piemonte`), whose journeys — of that region's offices — pin it instead",
    example: 'national',
    type: String,
  })
  scope!: string;

  @ApiProperty({ description: 'Title', example: 'GOL percorso 1 – Reinserimento lavorativo' })
  title!: string;

  @ApiProperty({ description: 'The clocks journeys started on this version run with (the optional ones only when set)', type: () => JourneyClocksDto })
  clocks!: JourneyClocksDto;

  @ApiPropertyOptional({
    description:
      'The services the path requires, in order, each after its prerequisites. Absent on versions that list none: their journeys accept any service in any order.',
    type: () => [ServiceStepDto],
    example: [
      { service: 'reception', after: [] },
      { service: 'second_level_interview', after: ['reception'] },
      { service: 'job_search', after: ['second_level_interview'] },
    ],
  })
  services?: ServiceStepDto[];

  @ApiPropertyOptional({
    description: 'The legal clocks that count working days (Monday to Friday except Italian public holidays) rather than calendar days. Absent when none does.',
    enum: LEGAL_CLOCK_NAMES,
    isArray: true,
    example: ['offerExcuseWindow'],
  })
  workingDayClocks?: LegalClockName[];

  @ApiPropertyOptional({
    description:
      "The thresholds of a congrua offer its journeys apply (art. 25 D.lgs. 150/2015; D.M. 10 aprile 2018 artt. 4–7), when the version states them: the version's own, the D.M.'s for those it leaves out. " +
      "Absent on versions published without the section: their journeys apply the D.M.'s (3 months, 80% of the hours, pay 20% above the benefit, 50 km or 80 minutes — 80 km or 100 minutes after 12 months —, the same sector after 6 months, another after 12).",
    type: () => OfferSuitabilityThresholdsDto,
  })
  offerSuitability?: OfferSuitabilityThresholdsDto;

  @ApiPropertyOptional({
    description:
      "The legal clocks counted in calendar days whose last day, when the journey's office is closed on it (its calendar: Sundays, national holidays, " +
      'the patron saint, regional and one-off closures), moves to the next open day (art. 2963 c.c.; art. 155 c.4 c.p.c.), each saying whether ' +
      'Saturdays count as closed for it (art. 155 c.5 c.p.c.). Absent when none moves. Applied to journeys started since issue 13 (rules edition 2).',
    type: 'object',
    additionalProperties: { type: 'object', properties: { saturdaysClosed: { type: 'boolean' } }, required: ['saturdaysClosed'] },
    example: { justificationWindow: { saturdaysClosed: false }, appealWindow: { saturdaysClosed: true } },
  })
  rollForwardClocks?: RollForwardClocks;

  @ApiPropertyOptional({
    description:
      "The justified long absences that pause its journeys' clocks (issue 14; `POST /journeys/{id}/absences`), when the version lists them. " +
      'Absent on versions that list none: their journeys accept the GOL list (`illness`, `maternity`, `paternity`, `training_abroad`, `civil_service`).',
    type: [String],
    example: ['illness', 'maternity', 'paternity', 'training_abroad', 'civil_service'],
  })
  absenceReasons?: AbsenceReason[];

  @ApiPropertyOptional({
    description:
      "The areas of GOL's qualitative assessment (issue 14), on the catalogue a GOL journey starts its assessment under (`GOL`): the journey pins them at start and " +
      '`RecordQualitativeAssessment` takes findings on them. Absent: the default list (education_and_training, work_experience_and_skills, job_search_autonomy, ' +
      'availability_and_expectations, personal_constraints, complex_needs).',
    type: [String],
    example: ['education_and_training', 'work_experience_and_skills', 'job_search_autonomy'],
  })
  assessmentAreas?: string[];

  @ApiPropertyOptional({
    description:
      "Issue 15: the periodic presentation its benefit asks (the programmes `ADI` and `SFL`): ADI a meeting `first` P120D after the digital activation pact, then `every` P90D; " +
      "SFL a confirmation every P90D and the benefit's 12 months, extended by 12 with the pact updated. Absent on versions without one.",
    type: () => PresentationObligationDto,
  })
  presentation?: PresentationObligation;

  @ApiPropertyOptional({
    description: "How long a closed episode's personal data is kept, from its closure (issue 15). Absent: the default, P10Y.",
    type: String,
    example: 'P10Y',
  })
  personalDataRetention?: string;
}
