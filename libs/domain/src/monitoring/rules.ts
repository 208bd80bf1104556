import { isIsoDate } from '../dates';
import { MONITORING_MAX_AGE, MONITORING_MIN_AGE, SEXES, type MonitoringData, type Sex } from './model';

export interface MonitoringProblem {
  /** The field under the monitoring data: `birthDate`, `sex`, `disabled`… */
  field: string;
  message: string;
  /** The stable code of the broken rule (the API's field problem codes) and its parameters. */
  code: 'invalid_date' | 'age_out_of_range' | 'invalid_value' | 'isBoolean';
  params?: Record<string, string | number>;
}

const FLAGS = ['disabled', 'longTermUnemployed', 'neet', 'socialServicesReferral'] as const;

/** Whole years from `birthDate` to `on` (both YYYY-MM-DD): a birthday counts on its day (29 February: on 1 March). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The first problem of monitoring data given for a journey whose DID is `didDate`, or null: a real birth date with the
 * person 15 to 100 years old at the DID, sex `F` or `M`, and every flag true or false.
 */
export function monitoringProblem(m: Partial<Record<keyof MonitoringData, unknown>>, didDate: string): MonitoringProblem | null {
  if (typeof m.birthDate !== 'string' || !isIsoDate(m.birthDate)) return { field: 'birthDate', message: 'must be a real date written YYYY-MM-DD', code: 'invalid_date' };
  const age = ageOn(m.birthDate, didDate);
  if (age < MONITORING_MIN_AGE || age > MONITORING_MAX_AGE) {
    return {
      field: 'birthDate',
      message: `the person must be ${MONITORING_MIN_AGE}-${MONITORING_MAX_AGE} years old at the DID (${didDate}); this birth date gives ${age}`,
      code: 'age_out_of_range',
      params: { minimum: MONITORING_MIN_AGE, maximum: MONITORING_MAX_AGE, age },
    };
  }
  if (!SEXES.includes(m.sex as Sex)) return { field: 'sex', message: `must be one of ${SEXES.join(', ')}`, code: 'invalid_value', params: { values: SEXES.join(', ') } };
  for (const flag of FLAGS) if (typeof m[flag] !== 'boolean') return { field: flag, message: 'must be true or false', code: 'isBoolean' };
  return null;
}

/** The monitoring data as the journey keeps them: exactly these fields. */
export function monitoringOf(m: MonitoringData): MonitoringData {
  return { birthDate: m.birthDate, sex: m.sex, disabled: m.disabled, longTermUnemployed: m.longTermUnemployed, neet: m.neet, socialServicesReferral: m.socialServicesReferral };
}

/** GOL's under 30: younger than 30 at the DID. */
export const UNDER_AGE = 30;
/** GOL's over 55: 55 or older at the DID (the programme's "lavoratori con almeno 55 anni"). */
export const OVER_AGE = 55;

/**
 * Whether GOL's monitoring counts the person as vulnerable: a woman, long-term unemployed, disabled (L. 68/1999),
 * under 30 or over 55 at the DID. A person counts once, whichever and however many apply.
 */
export function vulnerable(m: MonitoringData, didDate: string): boolean {
  const age = ageOn(m.birthDate, didDate);
  return m.sex === 'F' || m.longTermUnemployed || m.disabled || age < UNDER_AGE || age >= OVER_AGE;
}

/**
 * Whether the person is in training now, as the monitoring counts it: the journey is open and has a referral to a
 * training body the person took up (outcome `taken_up`), not recorded as completed or declined. None of the six
 * services is a training course, so a service in progress does not count.
 */
export function inTraining(state: { status: string; referrals: readonly { to: string; outcome: string | null }[] }): boolean {
  return state.status === 'open' && state.referrals.some((r) => r.to === 'training_body' && r.outcome === 'taken_up');
}
