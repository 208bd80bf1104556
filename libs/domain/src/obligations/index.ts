import { feature, type Feature } from '../journey/feature';
import type { OBLIGATION_DEADLINE_KINDS, ObligationsCommand, ObligationsEvent } from './model';
import { participation } from './participation';
import { presentation } from './presentation';

export * from './model';
export { ADI_PRESENTATION, SFL_PRESENTATION, participationEndsAt, presentationClock, validatePresentationObligation } from './rule';
export { forfeitureOnLapse } from './presentation';

/**
 * Issue 15, "Other benefits, other clocks": the ADI's and the SFL's periodic presentation and the SFL's months, as
 * catalogue data (`PresentationObligation`), with the benefit's suspension and end as the benefit's own lifecycle.
 */
export const obligations: Feature<ObligationsCommand['type'], ObligationsEvent['type'], (typeof OBLIGATION_DEADLINE_KINDS)[number], never> = feature(presentation, participation);
