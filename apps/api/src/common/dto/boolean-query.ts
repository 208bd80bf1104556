import { Transform } from 'class-transformer';

/** A query-string boolean: `true` and `false` become booleans; anything else stays as given for `@IsBoolean` to refuse. */
export const BooleanQuery = (): PropertyDecorator => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
