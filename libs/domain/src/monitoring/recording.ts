import type { JourneyState } from '../journey/model';
import { silent } from '../journey/notice';
import { refusal, requireText, type Outcome } from '../journey/rules';
import type { MonitoringDataRecorded, RecordMonitoringDataCommand } from './model';
import { monitoringOf, monitoringProblem } from './rules';

/**
 * The monitoring data of a journey started without them, recorded once by an operator (a journey started with them,
 * or that recorded them, refuses with `MONITORING_DATA_ALREADY_RECORDED`: they describe the person at the DID).
 */
function recordMonitoringData(state: JourneyState, c: RecordMonitoringDataCommand): Outcome {
  if (state.monitoring !== null) return refusal('MONITORING_DATA_ALREADY_RECORDED', 'the journey already has its monitoring data: they describe the person at the DID');
  const invalid = requireText(c.operatorId, 'operatorId', 100);
  if (invalid) return invalid;
  const problem = monitoringProblem(c, state.didDate);
  if (problem) return refusal('INVALID_VALUE', problem.message, problem.field);
  return [{ type: 'MonitoringDataRecorded', data: { ...monitoringOf(c), operatorId: c.operatorId } }];
}

export const recording = {
  deciders: { RecordMonitoringData: recordMonitoringData },
  evolvers: {
    MonitoringDataRecorded: (state: JourneyState, event: MonitoringDataRecorded): JourneyState => ({ ...state, monitoring: monitoringOf(event.data) }),
  },
  notices: { MonitoringDataRecorded: silent },
};
