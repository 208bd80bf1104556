import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { SERVICE_CODES } from '@sal/domain';
import { ValidationFailedError } from '../common/api-errors';

/**
 * Path ids of the things a journey numbers itself (appointments AP1, offers O1, lapses L1, conditionality steps S1,
 * referrals R1) and the service codes. A malformed one is refused (400) before anything reaches Temporal; a well-formed
 * id of nothing is the journey's own 404 (`APPOINTMENT_NOT_FOUND`, …).
 */
abstract class JourneyPathPipe implements PipeTransform<unknown, string> {
  protected abstract accepts(value: string): boolean;
  protected abstract readonly expectation: string;

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && this.accepts(value)) return value;
    throw new ValidationFailedError([{ field: metadata.data ?? 'param', message: this.expectation }]);
  }
}

/** An id the journey numbers with a prefix: AP1, O2, … */
abstract class NumberedIdPipe extends JourneyPathPipe {
  protected readonly expectation: string;
  private readonly pattern: RegExp;

  protected constructor(prefix: string, what: string, example: string) {
    super();
    this.pattern = new RegExp(`^${prefix}[0-9]{1,4}$`);
    this.expectation = `must be ${what} id: ${prefix} followed by 1-4 digits, such as ${example}`;
  }

  protected accepts(value: string): boolean {
    return this.pattern.test(value);
  }
}

@Injectable()
export class AppointmentIdPipe extends NumberedIdPipe {
  constructor() {
    super('AP', 'an appointment', 'AP1');
  }
}

@Injectable()
export class OfferIdPipe extends NumberedIdPipe {
  constructor() {
    super('O', 'a job offer', 'O1');
  }
}

@Injectable()
export class LapseIdPipe extends NumberedIdPipe {
  constructor() {
    super('L', 'a lapse', 'L1');
  }
}

@Injectable()
export class StepIdPipe extends NumberedIdPipe {
  constructor() {
    super('S', 'a conditionality step', 'S1');
  }
}

@Injectable()
export class ReferralIdPipe extends NumberedIdPipe {
  constructor() {
    super('R', 'a referral', 'R1');
  }
}

/** One of the six services. */
@Injectable()
export class ServiceCodePipe extends JourneyPathPipe {
  protected readonly expectation = `must be one of ${SERVICE_CODES.join(', ')}`;
  protected accepts(value: string): boolean {
    return (SERVICE_CODES as readonly string[]).includes(value);
  }
}

export const JOURNEY_ID_PARAM = ApiParam({ name: 'journeyId', description: 'Journey id: jrn_ and 32 lowercase hex characters', example: 'jrn_3f2a9c0e5b7d41e8a6c2f0b1d4e7a9c3' });
export const SERVICE_PARAM = ApiParam({ name: 'service', description: 'The service', enum: SERVICE_CODES, example: 'second_level_interview' });
export const APPOINTMENT_ID_PARAM = ApiParam({ name: 'appointmentId', description: 'Appointment id as the journey numbered it: AP and 1-4 digits', example: 'AP1' });
export const OFFER_ID_PARAM = ApiParam({ name: 'offerId', description: 'Job offer id as the journey numbered it: O and 1-4 digits', example: 'O1' });
export const LAPSE_ID_PARAM = ApiParam({
  name: 'lapseId',
  description: 'Lapse id (a no-show or a refused suitable offer waiting for its justification): L and 1-4 digits; see `lapses` in the journey',
  example: 'L1',
});
export const STEP_ID_PARAM = ApiParam({ name: 'stepId', description: 'Conditionality step id: S and 1-4 digits; see `conditionalitySteps` in the journey', example: 'S1' });
export const REFERRAL_ID_PARAM = ApiParam({ name: 'referralId', description: 'Referral id as the journey numbered it: R and 1-4 digits', example: 'R1' });
