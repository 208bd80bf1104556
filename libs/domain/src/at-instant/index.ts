export { decidedStall, passedDeadlines, statusAt, statusDeadlines, wholeDaysBetween, STATUS_DEADLINE_KINDS, type ActionAtInstant, type Missed, type StatusAtInstant, type StatusDeadlines } from './status-at';
export { viewAt, type JourneyViewAt } from './view-at';
