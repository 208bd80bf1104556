export { passedDeadlines, statusAt, wholeDaysBetween, STATUS_DEADLINE_KINDS, type ActionAtInstant, type Missed, type StatusAtInstant } from './status-at';
export { viewAt, type JourneyViewAt } from './view-at';
