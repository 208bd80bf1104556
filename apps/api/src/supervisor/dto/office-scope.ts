import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { OFFICE_ID_PATTERN } from '../../common/input-rules';

/** Most offices one request may name: a region's CPIs fit, an accidental dump of every id does not. */
export const MAX_OFFICES = 100;

const MESSAGE = `must name 1-${MAX_OFFICES} offices, repeating the parameter (?officeId=A&officeId=B); each 1-64 characters: letters, digits, _ or -`;

/**
 * The office scope of a supervisor's question: `officeId`, required, repeatable. Every supervisor view is scoped to the
 * offices the caller names, each of which must be among the offices of the caller's token (403 otherwise).
 */
export function OfficeScopeQuery(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      name: 'officeId',
      description:
        'The offices to look at, repeating the parameter: `?officeId=CPI-TO-01&officeId=CPI-TO-02`. Required: every supervisor view is scoped to offices. ' +
        "Each must be among the caller's offices (the token's `offices`; an administrator's or `*` covers every office), else 403 `FORBIDDEN`.",
      type: String,
      isArray: true,
      minItems: 1,
      maxItems: MAX_OFFICES,
      example: ['CPI-TO-01'],
    }),
    // One occurrence arrives as a string, several as an array.
    Transform(({ value }) => (typeof value === 'string' ? [value] : value)),
    ValidateBy({
      name: 'isOfficeScope',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length >= 1 &&
          value.length <= MAX_OFFICES &&
          value.every((v) => typeof v === 'string' && OFFICE_ID_PATTERN.test(v)),
        defaultMessage: () => MESSAGE,
      },
    }),
  );
}
