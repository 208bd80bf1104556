export * from './fiscal-code';
export * from './dates';
export * from './clocks';
export * from './journey';
export * from './programme';
export * from './calendar';
export * from './text';
export * from './offices';
export { absenceReasonsOf, COMMANDS_WHILE_SUSPENDED, currentPause, runningAbsence, runningSuspension, suspended, suspensionLimitAt, SUSPENSION_LIMIT, type CurrentPause } from './pauses';
