export { CLOCK_NAMES, CORE_CLOCK_NAMES, EXTRA_CLOCK_NAMES, LEGAL_CLOCK_NAMES, NO_CLOCKS, wholeDays, type ClockName, type JourneyClocks, type LegalClockName } from './clock-table';
export { addCalendarDays, legalDeadline } from './legal-deadline';
