import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate, romeDateOf } from '@sal/domain';

/** A real calendar date, YYYY-MM-DD (2026-02-30 is refused); with `notInFuture`, no later than today in Rome. */
export function IsIsoDate(opts: { notInFuture?: boolean } = {}, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isIsoDate(value) && (!opts.notInFuture || value <= romeDateOf(Date.now())),
        defaultMessage: (args) =>
          typeof args?.value === 'string' && isIsoDate(args.value)
            ? `cannot be in the future (today is ${romeDateOf(Date.now())} in Rome)`
            : 'must be a real calendar date written YYYY-MM-DD',
      },
    },
    options,
  );
}

/**
 * A YYYY-MM-DD date no earlier than the date in `property` of the same object (checked only when both are real dates:
 * their own format is each one's own rule).
 * @example @IsNotBeforeDateOf('from') to?: string;
 */
export function IsNotBeforeDateOf(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBeforeDateOf',
      constraints: [property],
      validator: {
        validate: (value: unknown, args) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          if (typeof value !== 'string' || typeof other !== 'string' || !isIsoDate(value) || !isIsoDate(other)) return true;
          return value >= other;
        },
        defaultMessage: () => `cannot be before ${property}`,
      },
    },
    options,
  );
}
