import {
  ApplicationFailure,
  isGrpcServiceError,
  NamespaceNotFoundError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE, JOURNEY_REFUSAL_FAILURE_TYPE } from '@sal/contracts';
import { REFUSAL_KINDS, type Refusal } from '@sal/domain';
import {
  ForbiddenError,
  InternalError,
  JourneyAlreadyExistsError,
  JourneyClosedError,
  JourneyNotFoundError,
  JourneyRefusedError,
  TemporalUnavailableError,
  WorkerUnavailableError,
  type ApiError,
} from '../common/api-errors';

/** gRPC status codes Temporal answers with (from the gRPC spec; kept here so the API needs no direct grpc-js import). */
const GRPC = { CANCELLED: 1, DEADLINE_EXCEEDED: 4, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, UNAVAILABLE: 14 } as const;

/**
 * FAILED_PRECONDITION of an update or a query while the journey's last workflow task failed or timed out (its worker
 * was killed, or is too loaded to answer in time): the server refuses the call without applying it, and the next task,
 * on a live worker, clears the state. Seen on the Go-built server when a worker is SIGKILLed under load.
 */
const WORKFLOW_TASK_FAILED = /workflow task in failed state/i;

/**
 * NOT_FOUND messages of the server that mean the execution exists but has ended: an update sent after the end
 * ("workflow execution already completed"), or admitted just before it and dropped ("workflow update was aborted by
 * closing workflow": the run closed without a successor).
 */
const EXECUTION_ENDED = /workflow execution already completed|aborted by closing workflow/i;

/** An update the workflow had accepted but could not finish because the execution completed first. */
const COMPLETED_BEFORE_UPDATE = /workflow completed before the update completed/i;

/** A Temporal call outlived its deadline on the API's own clock (the SDK's retries can run past the gRPC deadline). */
export class TemporalCallTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Temporal did not answer within ${timeoutMs} ms`);
    this.name = 'TemporalCallTimeoutError';
  }
}

/** What the failed call was doing: it decides whether a time-out can be the worker's fault. */
export type TemporalCallKind = 'start' | 'describe' | 'query' | 'command';

/**
 * How a Temporal failure reads to an API client. `temporalReachable` is asked only when a call timed out, to tell a
 * silent worker (Temporal answers, nobody runs the journey) from an unreachable Temporal.
 */
export async function toApiError(
  error: unknown,
  call: { kind: TemporalCallKind; journeyId: string },
  temporalReachable: () => Promise<boolean>,
): Promise<ApiError> {
  const { journeyId } = call;
  if (error instanceof WorkflowExecutionAlreadyStartedError) return new JourneyAlreadyExistsError(journeyId);
  if (error instanceof WorkflowUpdateFailedError) {
    // The caller's offices carried with the command do not cover the journey's: the API's own 403, naming that office.
    if (error.cause instanceof ApplicationFailure && error.cause.type === JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE) return new ForbiddenError(error.cause.message);
    const refusal = refusalOf(error.cause);
    if (refusal) return new JourneyRefusedError(refusal, journeyId);
    if (error.cause instanceof ApplicationFailure && (error.cause.type === 'AcceptedUpdateCompletedWorkflow' || COMPLETED_BEFORE_UPDATE.test(error.cause.message))) {
      return new JourneyClosedError(journeyId);
    }
    return new InternalError(error);
  }
  if (error instanceof WorkflowNotFoundError) {
    return EXECUTION_ENDED.test(error.message) ? new JourneyClosedError(journeyId) : new JourneyNotFoundError(journeyId);
  }
  if (error instanceof NamespaceNotFoundError) return new TemporalUnavailableError(error);
  const grpc = grpcError(error);
  const code = grpc?.code;
  if (code === GRPC.FAILED_PRECONDITION && WORKFLOW_TASK_FAILED.test(grpc?.message ?? '') && (call.kind === 'command' || call.kind === 'query')) {
    return new WorkerUnavailableError(journeyId, call.kind, error);
  }
  // RESOURCE_EXHAUSTED (rate limits, "workflow is closing") is retried by the client first; past that, retry later.
  if (code === GRPC.UNAVAILABLE || code === GRPC.RESOURCE_EXHAUSTED) return new TemporalUnavailableError(error);
  const timedOut = error instanceof TemporalCallTimeoutError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
  if (timedOut || code === GRPC.DEADLINE_EXCEEDED || code === GRPC.CANCELLED) {
    const workerMayBeAtFault = call.kind === 'command' || call.kind === 'query';
    return workerMayBeAtFault && (await temporalReachable())
      ? new WorkerUnavailableError(journeyId, call.kind === 'command' ? 'command' : 'query', error)
      : new TemporalUnavailableError(error);
  }
  return new InternalError(error);
}

/** The domain refusal an update failed with, when the journey refused it (anything else is not a refusal). */
export function refusalOf(cause: unknown): Refusal | null {
  if (!(cause instanceof ApplicationFailure) || cause.type !== JOURNEY_REFUSAL_FAILURE_TYPE) return null;
  const candidate = cause.details?.[0] as Partial<Refusal> | undefined;
  if (!candidate || typeof candidate.code !== 'string' || !(candidate.code in REFUSAL_KINDS)) return null;
  return {
    code: candidate.code,
    message: typeof candidate.message === 'string' ? candidate.message : cause.message,
    ...(typeof candidate.field === 'string' ? { field: candidate.field } : {}),
  };
}

/** The gRPC status (code and message) of an error or of one of its causes. */
function grpcError(error: unknown): { code: number; message: string } | undefined {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(e)) return { code: e.code, message: e.message };
  }
  return undefined;
}
