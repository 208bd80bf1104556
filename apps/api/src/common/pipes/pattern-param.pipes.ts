import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { JOURNEY_ID_PATTERN, PERSON_REF_PATTERN } from '@sal/temporal';
import { ValidationFailedError } from '../api-errors';
import { OFFICE_ID_MESSAGE, OFFICE_ID_PATTERN, PROGRAMME_CODE_MESSAGE, PROGRAMME_CODE_PATTERN } from '../input-rules';

abstract class PatternParamPipe implements PipeTransform<unknown, string> {
  protected abstract readonly pattern: RegExp;
  protected abstract readonly expectation: string;
  /** What the parameter names (`params.kind` of the `invalid_id` problem). */
  protected abstract readonly kind: string;

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value;
    throw new ValidationFailedError([{ field: metadata.data ?? 'param', message: this.expectation, code: 'invalid_id', params: { kind: this.kind } }]);
  }
}

/** Refuses (400) a path journey id that cannot be one, before anything reaches Temporal. */
@Injectable()
export class JourneyIdPipe extends PatternParamPipe {
  protected readonly kind = 'journey';
  protected readonly pattern = JOURNEY_ID_PATTERN;
  protected readonly expectation = 'must be a journey id: jrn_ followed by 32 lowercase hex characters';
}

/** Refuses (400) a path programme code that cannot be one. */
@Injectable()
export class ProgrammeCodePipe extends PatternParamPipe {
  protected readonly kind = 'programme';
  protected readonly pattern = PROGRAMME_CODE_PATTERN;
  protected readonly expectation = PROGRAMME_CODE_MESSAGE;
}

/** Refuses (400) a path office id that cannot be one. */
@Injectable()
export class OfficeIdPipe extends PatternParamPipe {
  protected readonly kind = 'office';
  protected readonly pattern = OFFICE_ID_PATTERN;
  protected readonly expectation = OFFICE_ID_MESSAGE;
}

/** Refuses (400) a path person reference that cannot be one: a fiscal code never goes in a URL. */
@Injectable()
export class PersonRefPipe extends PatternParamPipe {
  protected readonly kind = 'person';
  protected readonly pattern = PERSON_REF_PATTERN;
  protected readonly expectation = 'must be a person reference: prs_ followed by 32 lowercase hex characters';
}
