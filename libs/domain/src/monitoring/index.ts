import { feature, type Feature } from '../journey/feature';
import type { MonitoringCommand, MonitoringEvent } from './model';
import { recording } from './recording';

export * from './model';
export * from './rules';

/** Issue 15: the data GOL's monitoring counts (`model.ts`), recorded at the start or later. */
export const monitoring: Feature<MonitoringCommand['type'], MonitoringEvent['type'], never, never> = feature(recording);
