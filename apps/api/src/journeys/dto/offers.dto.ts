import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { CONVOCATION_METHODS, type ConvocationMethod } from '@sal/domain';
import { NOT_BLANK, OPERATOR_ID_EXAMPLE, OPERATOR_ID_MESSAGE, OPERATOR_ID_PATTERN } from './input-rules';

/** A job offer put to the person (under the signed pact). */
export class RecordJobOfferDto {
  @ApiProperty({ description: 'Employer (1-200 characters)', example: 'Logistica Piemonte S.r.l.', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  employer!: string;

  @ApiProperty({ description: 'Position offered (1-200 characters)', example: 'Magazziniere, carrellista', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  position!: string;

  @ApiProperty({ description: 'Whether it is an offerta congrua (art. 25 D.lgs. 150/2015): refusing a suitable offer counts on the suitable-offer ladder', example: true })
  @IsBoolean()
  suitable!: boolean;

  @ApiProperty({
    description: 'How the offer was communicated: `pec`, `registered_letter` or `agreed_signed` are valid for conditionality; the others never lead to a sanction',
    enum: CONVOCATION_METHODS,
    example: 'pec',
  })
  @IsIn(CONVOCATION_METHODS, { message: `must be one of ${CONVOCATION_METHODS.join(', ')}` })
  communicatedBy!: ConvocationMethod;

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}

export const OFFER_RESPONSES = ['accepted', 'refused'] as const;

/** The person's answer to an offer. */
export class RecordOfferResponseDto {
  @ApiProperty({
    description: "`accepted`, or `refused`: refusing a suitable offer opens a lapse whose excuse is due within the catalogue's `offerExcuseWindow`",
    enum: OFFER_RESPONSES,
    example: 'accepted',
  })
  @IsIn(OFFER_RESPONSES, { message: `must be one of ${OFFER_RESPONSES.join(', ')}` })
  response!: (typeof OFFER_RESPONSES)[number];

  @ApiProperty({ description: 'Operator who records it', example: OPERATOR_ID_EXAMPLE, pattern: OPERATOR_ID_PATTERN.source })
  @Matches(OPERATOR_ID_PATTERN, { message: OPERATOR_ID_MESSAGE })
  operatorId!: string;
}
