import { addWorkingDays, NATIONAL_CALENDAR, addOfficeWorkingDays, rollForward } from '../calendar';
import { addCalendarDays, addDuration, isIsoDate, romeDateOf, romeEndOfDay, romeStartOfDay } from '../dates';
import type { JourneyState } from '../journey/model';
import { wholeDays, type LegalClockName } from './clock-table';

/** What `legalDeadline` reads of the journey: its clocks, and (edition 2) its office's calendar and roll-forward settings. */
export type LegalClockState = Pick<JourneyState, 'clocks' | 'workingDayClocks'> & Partial<Pick<JourneyState, 'rollForwardClocks' | 'office' | 'rules'>>;

/**
 * When a legal clock of the journey's catalogue runs out, counted from `from` (an instant, or a bare date).
 *
 * A clock of whole days (`P15D`) counts civil days in Rome and falls due at the end of its last day — working days
 * when the catalogue lists it in `workingDayClocks`, otherwise calendar days. A clock with a time part (`PT30S`, as
 * test catalogues use) is added to the instant as it is. Null when the catalogue turns the clock off.
 *
 * Rules' edition 1: working days are Monday to Friday except Italian public holidays; a last day is never moved.
 * Edition 2 (issue 13) reads the journey's office calendar (the national one for a journey without an office):
 * working days skip the office's own closures too (patron saint, regional days, one-off dates), and a clock the
 * catalogue lists in `rollForwardClocks` whose last day the office is closed on moves to its next open day (art. 2963
 * c.c.: a term ending on a holiday runs to the next day that is not; art. 155 c.4 c.p.c.), Saturdays counted closed
 * when the setting says so (art. 155 c.5 c.p.c.).
 */
export function legalDeadline(state: LegalClockState, clock: LegalClockName, from: string): string | null {
  const duration = state.clocks[clock];
  if (!duration) return null;
  const days = wholeDays(duration);
  if (days === null) return addDuration(isIsoDate(from) ? romeStartOfDay(from) : from, duration);
  const startDate = isIsoDate(from) ? from : romeDateOf(from);
  const workingDays = state.workingDayClocks.includes(clock);
  if ((state.rules ?? 1) < 2) return romeEndOfDay(workingDays ? addWorkingDays(startDate, days) : addCalendarDays(startDate, days));
  const calendar = state.office?.calendar ?? NATIONAL_CALENDAR;
  if (workingDays) return romeEndOfDay(addOfficeWorkingDays(startDate, days, calendar));
  const lastDay = addCalendarDays(startDate, days);
  const setting = state.rollForwardClocks?.[clock];
  if (!setting) return romeEndOfDay(lastDay);
  return romeEndOfDay(rollForward(lastDay, { ...calendar, saturdaysClosed: calendar.saturdaysClosed || setting.saturdaysClosed }));
}

export { addCalendarDays };
