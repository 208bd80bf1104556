import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ERROR_STATUSES, FIELD_PROBLEM_CODES, type ErrorBody, type FieldProblem } from './api-errors';

/** An offending input field, in the OpenAPI document. */
export class FieldProblemDto implements FieldProblem {
  @ApiProperty({
    description: 'Path of the offending input: body fields with dots and indexes, or a path/query parameter name',
    example: 'beneficiary.fiscalCode',
  })
  field!: string;

  @ApiProperty({ description: 'What is wrong with it (English; a client in another language shows its own words for `code`)', example: 'fiscal code: wrong check character' })
  message!: string;

  @ApiProperty({
    description:
      'Stable code of the broken rule, for a client to phrase in its language (falling back to `message` for a code it does not know): ' +
      Object.entries(FIELD_PROBLEM_CODES)
        .map(([code, meaning]) => `\`${code}\` (${meaning})`)
        .join('; '),
    enum: Object.keys(FIELD_PROBLEM_CODES),
    example: 'isFiscalCode',
  })
  code!: string;

  @ApiPropertyOptional({
    description: 'The rule\'s parameters its message names: `minimum`, `maximum`, `origin` (number, string, array), `expected`, `format`, `values`, `name`, `kind`, `age`, `scope`, `columns`, `namespace`, `officeId`, `offices`',
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { minimum: 1, origin: 'number' },
  })
  params?: Record<string, string | number>;
}

export class ErrorDetailDto {
  @ApiProperty({
    description:
      'Stable machine-readable code: the API\'s own codes and the journey\'s refusal codes, with their HTTP status: ' +
      Object.entries(ALL_ERROR_STATUSES)
        .map(([code, status]) => `${code} (${status})`)
        .join(', '),
    enum: Object.keys(ALL_ERROR_STATUSES),
    example: 'VALIDATION_FAILED',
  })
  code!: string;

  @ApiProperty({ description: 'Human-readable explanation (English)', example: 'the request is not valid' })
  message!: string;

  @ApiPropertyOptional({
    description: 'The offending fields (VALIDATION_FAILED and refusals of kind invalid)',
    type: () => [FieldProblemDto],
  })
  fields?: FieldProblemDto[];

  @ApiPropertyOptional({
    description: 'The journey concerned (JOURNEY_ALREADY_EXISTS names the existing one)',
    example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3',
  })
  journeyId?: string;
}

/** The body of every error response. */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ description: 'The error', type: () => ErrorDetailDto })
  error!: ErrorDetailDto;
}
