import { ValidateBy, type ValidationOptions } from 'class-validator';
import { textProblem } from '@sal/domain';

/**
 * Text on one line (a name): the domain's `textProblem` as `line` text, so no line breaks or tabs. Every string is
 * already refused by the validation pipe when it holds what the engine cannot store; this narrows it further.
 */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || textProblem(value, 'line') === null,
        defaultMessage: (args) => (typeof args?.value === 'string' ? (textProblem(args.value, 'line') ?? 'must be one line of text') : 'must be one line of text'),
      },
    },
    options,
  );
}
