export {
  CLOCK_NAMES,
  CORE_CLOCK_NAMES,
  EXTRA_CLOCK_NAMES,
  golRollForwardClocks,
  LEGAL_CLOCK_NAMES,
  NO_CLOCKS,
  wholeDays,
  type ClockName,
  type JourneyClocks,
  type LegalClockName,
  type RollForwardClocks,
  type RollForwardSetting,
} from './clock-table';
export { addCalendarDays, legalDeadline } from './legal-deadline';
