import { addWorkingDays } from '../calendar';
import { addCalendarDays, addDuration, isIsoDate, romeDateOf, romeEndOfDay, romeStartOfDay } from '../dates';
import type { JourneyState } from '../journey/model';
import { wholeDays, type LegalClockName } from './clock-table';

/**
 * When a legal clock of the journey's catalogue runs out, counted from `from` (an instant, or a bare date).
 *
 * A clock of whole days (`P15D`) counts civil days in Rome and falls due at the end of its last day — working days
 * (Monday to Friday except Italian public holidays) when the catalogue lists it in `workingDayClocks`, otherwise
 * calendar days. A clock with a time part (`PT30S`, as test catalogues use) is added to the instant as it is.
 * Null when the catalogue turns the clock off.
 */
export function legalDeadline(state: Pick<JourneyState, 'clocks' | 'workingDayClocks'>, clock: LegalClockName, from: string): string | null {
  const duration = state.clocks[clock];
  if (!duration) return null;
  const days = wholeDays(duration);
  if (days === null) return addDuration(isIsoDate(from) ? romeStartOfDay(from) : from, duration);
  const startDate = isIsoDate(from) ? from : romeDateOf(from);
  const lastDay = state.workingDayClocks.includes(clock) ? addWorkingDays(startDate, days) : addCalendarDays(startDate, days);
  return romeEndOfDay(lastDay);
}

export { addCalendarDays };
