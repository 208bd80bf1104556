import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { JOURNEY_REFUSAL_FAILURE_TYPE } from '@sal/contracts';
import { TemporalCallTimeoutError, toApiError, type TemporalCallKind } from './temporal-errors';

const journeyId = 'jrn_0123456789abcdef0123456789abcdef';
const reachable = async () => true;
const unreachable = async () => false;

function read(error: unknown, kind: TemporalCallKind = 'command', temporalUp = reachable) {
  return toApiError(error, { kind, journeyId }, temporalUp).then((e) => ({ status: e.status, ...e.toBody().error }));
}

function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

function refused(refusal: object): WorkflowUpdateFailedError {
  const cause = ApplicationFailure.create({ type: JOURNEY_REFUSAL_FAILURE_TYPE, message: 'refused', details: [refusal], nonRetryable: true });
  return new WorkflowUpdateFailedError('Workflow Update failed', cause);
}

describe('how Temporal failures read to API clients', () => {
  it('a second start of the same journey id (same person and DID) is a 409 naming the existing journey', async () => {
    const answer = await read(new WorkflowExecutionAlreadyStartedError('already started', journeyId, 'journeyWorkflow'), 'start');
    expect(answer).toMatchObject({ status: 409, code: 'JOURNEY_ALREADY_EXISTS', journeyId });
  });

  it('an invalid-kind refusal is a 400 naming the offending field', async () => {
    const answer = await read(refused({ code: 'INVALID_DATE', message: 'cannot be in the future', field: 'completedAt' }));
    expect(answer).toMatchObject({ status: 400, code: 'INVALID_DATE', fields: [{ field: 'completedAt', message: 'cannot be in the future' }] });
  });

  it('conflict and not_found refusals keep their code with 409 and 404', async () => {
    expect(await read(refused({ code: 'PACT_ALREADY_SIGNED', message: 'signed' }))).toMatchObject({ status: 409, code: 'PACT_ALREADY_SIGNED' });
    expect(await read(refused({ code: 'PACT_ACTION_NOT_FOUND', message: 'no A9' }))).toMatchObject({ status: 404, code: 'PACT_ACTION_NOT_FOUND' });
  });

  it('an update failure that is not a journey refusal is an internal error, not a refusal', async () => {
    const other = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'Boom', message: 'bug' }));
    expect(await read(other)).toMatchObject({ status: 500, code: 'INTERNAL', message: 'an unexpected error occurred' });
  });

  it('a command to an ended workflow is 409 JOURNEY_CLOSED, whichever way the server says it', async () => {
    for (const message of ['workflow execution already completed', 'workflow update was aborted by closing workflow']) {
      expect(await read(new WorkflowNotFoundError(message, journeyId, undefined))).toMatchObject({ status: 409, code: 'JOURNEY_CLOSED' });
    }
  });

  it('an unknown workflow is 404 JOURNEY_NOT_FOUND', async () => {
    const answer = await read(new WorkflowNotFoundError(`workflow not found for ID: ${journeyId}`, journeyId, undefined), 'query');
    expect(answer).toMatchObject({ status: 404, code: 'JOURNEY_NOT_FOUND', journeyId });
  });

  it('an unreachable Temporal is 503 TEMPORAL_UNAVAILABLE', async () => {
    const answer = await read(new ServiceError('Failed to start Workflow', { cause: grpcError(14, 'No connection established') }), 'start');
    expect(answer).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE' });
  });

  it('a command that times out while Temporal answers is the worker not answering (503 WORKER_UNAVAILABLE)', async () => {
    const timeout = new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpcError(4, 'Deadline exceeded') });
    expect(await read(timeout, 'command', reachable)).toMatchObject({ status: 503, code: 'WORKER_UNAVAILABLE', message: expect.stringContaining('may still be applied') });
    expect(await read(timeout, 'command', unreachable)).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE' });
  });

  it('a command or query refused while the journey\'s workflow task is in failed state (its worker killed) is 503 WORKER_UNAVAILABLE', async () => {
    const update = new ServiceError('Workflow Update failed', {
      cause: grpcError(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.'),
    });
    expect(await read(update, 'command')).toMatchObject({ status: 503, code: 'WORKER_UNAVAILABLE' });
    const query = new ServiceError('Failed to query Workflow', { cause: grpcError(9, 'Unable to query workflow due to Workflow Task in failed state.') });
    expect(await read(query, 'query')).toMatchObject({ status: 503, code: 'WORKER_UNAVAILABLE', message: expect.stringContaining('retry later') });
    // Another FAILED_PRECONDITION is not the worker's: it stays an internal error.
    expect(await read(new ServiceError('x', { cause: grpcError(9, 'something else') }), 'command')).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('a start that times out is Temporal being unavailable: no worker is involved', async () => {
    expect(await read(new TemporalCallTimeoutError(10_000), 'start', reachable)).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE' });
  });
});
