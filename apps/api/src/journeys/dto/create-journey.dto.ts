import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsDefined, IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BENEFIT_KINDS, SEXES, type Beneficiary, type BenefitClaim, type BenefitKind, type MonitoringData, type Sex } from '@sal/domain';
import { IsFiscalCode } from '../../common/validators/fiscal-code.validator';
import { IsIsoDate } from '../../common/validators/iso-dates.validator';
import { IsSingleLine } from '../../common/validators/text.validator';
import { NOT_BLANK, OFFICE_ID_PATTERN, PHONE_PATTERN, PROGRAMME_CODE_PATTERN, Trim } from './input-rules';

/** The person taken in charge. */
export class BeneficiaryInputDto implements Beneficiary {
  @ApiProperty({
    description:
      'Italian fiscal code (codice fiscale) of the person: 16 characters, check character included (omocodia letters replace digits from the right; ' +
      'the place code starts with A-M, or Z abroad), or the 11-digit provisional code of a person whose data are not all known yet (foreigners, ' +
      'asylum seekers), its last digit checked; upper-cased and trimmed before use',
    example: 'RSSMRA85T10A562S',
    minLength: 11,
    maxLength: 16,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsFiscalCode()
  fiscalCode!: string;

  @ApiProperty({ description: 'Given name(s), 1-100 characters', example: 'Mario', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @IsSingleLine()
  givenName!: string;

  @ApiProperty({ description: 'Family name(s), 1-100 characters', example: 'Rossi', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @IsSingleLine()
  familyName!: string;

  @ApiPropertyOptional({ description: 'E-mail address for notices', example: 'mario.rossi@example.it', maxLength: 254 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'Phone number: optional +, then 6-20 digits or spaces', example: '+39 333 1234567', pattern: PHONE_PATTERN.source })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number: optional +, then 6-20 digits or spaces' })
  phone?: string;
}

/** The unemployment benefit the person claims: it makes them subject to conditionality (art. 21 D.lgs. 150/2015). */
export class BenefitInputDto implements BenefitClaim {
  @ApiProperty({ description: '`naspi` or `dis_coll` (conditionality, art. 21 D.lgs. 150/2015); `adi` or `sfl` (D.L. 48/2023: the presentation obligation of the programmes `ADI` and `SFL`)', enum: BENEFIT_KINDS, example: 'naspi' })
  @IsIn(BENEFIT_KINDS, { message: `must be one of ${BENEFIT_KINDS.join(', ')}` })
  kind!: BenefitKind;

  @ApiProperty({
    description: "Date of the benefit application, YYYY-MM-DD, not in the future (Rome calendar): the catalogue's `firstContactAfterBenefitClaim` clock starts from it",
    example: '2026-01-10',
    format: 'date',
  })
  @IsIsoDate({ notInFuture: true })
  applicationDate!: string;

  @ApiPropertyOptional({
    description: 'ADI, SFL: the day of the digital activation pact, YYYY-MM-DD, not in the future: the presentation clocks count from it (absent: from `applicationDate`)',
    example: '2026-01-12',
    format: 'date',
  })
  @IsOptional()
  @IsIsoDate({ notInFuture: true })
  activationPactDate?: string;
}

/** Issue 15: what GOL's monitoring counts of the person, with the least data needed (as `RecordMonitoringData` takes them). */
export class MonitoringInputDto implements MonitoringData {
  @ApiProperty({
    description: "Birth date, YYYY-MM-DD (asked: the fiscal code's century is ambiguous); the person is 15-100 years old at the DID. The read model keeps only the age at the DID",
    example: '1994-05-17',
    format: 'date',
  })
  @IsIsoDate()
  birthDate!: string;

  @ApiProperty({ description: '`F` or `M`, as the monitoring counts it', enum: SEXES, example: 'F' })
  @IsIn(SEXES, { message: `must be one of ${SEXES.join(', ')}` })
  sex!: Sex;

  @ApiProperty({ description: 'A person with a disability under L. 68/1999', example: false })
  @IsBoolean({ message: 'must be true or false' })
  disabled!: boolean;

  @ApiProperty({ description: 'Unemployed for 12 months or more at the DID (asked)', example: true })
  @IsBoolean({ message: 'must be true or false' })
  longTermUnemployed!: boolean;

  @ApiProperty({ description: 'Not in employment, education or training', example: false })
  @IsBoolean({ message: 'must be true or false' })
  neet!: boolean;

  @ApiProperty({ description: 'Referred by (or followed by) the social services', example: false })
  @IsBoolean({ message: 'must be true or false' })
  socialServicesReferral!: boolean;
}

/** Starts a journey from the person's DID (dichiarazione di immediata disponibilità). */
export class CreateJourneyDto {
  @ApiProperty({ description: 'The person taken in charge', type: () => BeneficiaryInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BeneficiaryInputDto)
  @IsObject({ message: 'must be an object' })
  beneficiary!: BeneficiaryInputDto;

  @ApiProperty({ description: 'Programme the journey belongs to (2-32 of A-Z 0-9 _ -)', example: 'GOL-1', pattern: PROGRAMME_CODE_PATTERN.source })
  @Matches(PROGRAMME_CODE_PATTERN, { message: 'must be 2-32 characters: upper-case letters, digits, _ or -' })
  programmeCode!: string;

  @ApiProperty({ description: "Employment office (Centro per l'Impiego) in charge (1-64 of A-Z a-z 0-9 _ -)", example: 'CPI-MI-01', pattern: OFFICE_ID_PATTERN.source })
  @Matches(OFFICE_ID_PATTERN, { message: 'must be 1-64 characters: letters, digits, _ or -' })
  officeId!: string;

  @ApiProperty({ description: 'Date of the DID, YYYY-MM-DD, not in the future (Rome calendar): it starts the legal clocks', example: '2026-01-15', format: 'date' })
  @IsIsoDate({ notInFuture: true })
  didDate!: string;

  @ApiPropertyOptional({
    description:
      'The NASpI or DIS-COLL benefit the person claims with the DID, if any: "claimed at start", it runs from the start (`benefit.status` `claimed`). Only while a benefit runs is the person ' +
      'subject to conditionality: without one a lapse never leads to a conditionality step. A claim made after the start is recorded with `POST /journeys/{journeyId}/benefit`.',
    type: () => BenefitInputDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BenefitInputDto)
  @IsObject({ message: 'must be an object' })
  benefit?: BenefitInputDto;

  @ApiPropertyOptional({
    description:
      "Issue 15: the GOL monitoring data, if known at the start; otherwise recorded later with `POST /journeys/{journeyId}/monitoring`. The KPIs' vulnerable share counts only journeys that have them.",
    type: () => MonitoringInputDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MonitoringInputDto)
  @IsObject({ message: 'must be an object' })
  monitoring?: MonitoringInputDto;
}
