import { registerDecorator, ValidatorConstraint, type ValidationArguments, type ValidationOptions, type ValidatorConstraintInterface } from 'class-validator';
import { checkFiscalCode } from '@sal/domain';

/** An Italian fiscal code (codice fiscale) of a natural person, check character included; the message gives the reason. */
@ValidatorConstraint({ name: 'isFiscalCode' })
export class FiscalCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && checkFiscalCode(value).valid;
  }

  defaultMessage(args: ValidationArguments): string {
    if (typeof args.value !== 'string') return 'must be a fiscal code (16 characters, or an 11-digit provisional code)';
    const check = checkFiscalCode(args.value);
    return check.valid ? 'must be a valid fiscal code' : `not a valid fiscal code: ${check.reason}`;
  }
}

export function IsFiscalCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({ target: target.constructor, propertyName: String(propertyName), options, validator: FiscalCodeConstraint });
}
