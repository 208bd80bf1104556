import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  applyEvents,
  coversOffice,
  decide,
  findTextProblem,
  isCallerOffices,
  journeyFinished,
  journeyStarted,
  CURRENT_RULES_EDITION,
  nextEpisodeStart,
  nextDeadline,
  noticesFor,
  outsideOfficesMessage,
  replay,
  toMillis,
  toView,
  upgradeState,
  type JourneyCommand,
  type JourneyEvent,
  type JourneyNotice,
  type JourneyState,
  type JourneyView,
  type Refusal,
} from '@sal/domain';
import {
  closeJourneyUpdate,
  commandSchema,
  completePactActionUpdate,
  inputProblems,
  isOperatorCommandType,
  journeyCommandUpdate,
  getJourneyStateQuery,
  isUnencryptedPayloadRefused,
  JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE,
  JOURNEY_REFUSAL_FAILURE_TYPE,
  journeySearchAttributes,
  recordContactUpdate,
  recordIntakeUpdate,
  retrySideEffectsSignal,
  signPactUpdate,
  type JourneyActivities,
  type JourneyLiveView,
  type JourneyWorkflowInput,
  type SideEffectsStatus,
} from '@sal/contracts';
import { SideEffectQueue } from './side-effect-stream';

/** Journeys started before notices existed replay without them; new runs send them. */
const NOTICES_PATCH = 'journey-notices-v1';
/** Operator commands send notices too (appointments, sanctions) from this version on. */
const COMMAND_NOTICES_PATCH = 'journey-command-notices-v1';

/**
 * Side effects run beside the journey's clocks, each stream in its own loop, from this version on: a projection or
 * notice that keeps failing no longer holds up deadlines. Runs recorded before it replay the single loop they ran.
 */
const SIDE_EFFECTS_APART_PATCH = 'journey-side-effects-apart-v1';

/**
 * From this version on, a decision's side effects are one batch (its events and its notices) sent by one stream to one
 * activity, `applySideEffects`, which writes the read model and the outbox in one transaction and folds the state
 * itself: the state no longer travels. Runs recorded before it replay the two streams (or the single loop) they ran.
 */
const SIDE_EFFECTS_ONE_PATCH = 'journey-side-effects-one-v1';

/** One decision's side effects, for the one stream. */
interface SideEffectBatch {
  events: JourneyEvent[];
  notices: JourneyNotice[];
}

/**
 * Journeys started with this marker run under the current edition of the rules (`@sal/domain` `rules-edition.ts`),
 * fixed in their `JourneyStarted` event; those recorded before it replay under edition 1.
 */
const RULES_EDITION_PATCH = 'journey-rules-edition-v2';

const { projectJourney, notifyJourney } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  // The read model may be down for a while: keep retrying, never give up on a fact already decided.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The same activities for the side-effect streams: a few minutes of retries inside the activity, then the stream
 * records the failure (shown in the live view) and tries again on its own, longer, schedule; a data error is not
 * retried inside the activity at all (the activity marks it non-retryable).
 */
const sideEffects = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});

/**
 * One beneficiary's journey through the Servizi al Lavoro, from the DID to closure.
 *
 * The rules live in `@sal/domain` (state = fold of events); this function only wires messages to them, keeps one
 * timer to the journey's next deadline, and projects each new event to the read model through an activity.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<JourneyView> {
  // Decided once, first thing: the mode a run was recorded in is the mode it replays in.
  const apart = patched(SIDE_EFFECTS_APART_PATCH);
  const one = apart && patched(SIDE_EFFECTS_ONE_PATCH);
  let state: JourneyState;
  const unprojected: JourneyEvent[] = [];
  const unsentNotices: JourneyNotice[] = [];
  if (input.kind === 'start') {
    // A journey started since the rules' editions runs under the current one for life; a recorded start replays as it was.
    const started = journeyStarted(patched(RULES_EDITION_PATCH) ? { ...input.start, rules: CURRENT_RULES_EDITION } : input.start, now());
    state = replay([started]);
    unprojected.push(started);
  } else {
    // A state carried over before the six services existed gets their (empty) parts.
    state = upgradeState(input.state);
    unprojected.push(...input.unprojected);
    unsentNotices.push(...(input.unsentNotices ?? []));
  }
  // What a continued run was handed goes first, as one batch.
  const carried: SideEffectBatch[] =
    one && (unprojected.length > 0 || unsentNotices.length > 0) ? [{ events: unprojected.splice(0), notices: unsentNotices.splice(0) }] : [];
  const batches = new SideEffectQueue<SideEffectBatch>((waiting, afterFailure) => {
    const merged = { events: waiting.flatMap((b) => b.events), notices: waiting.flatMap((b) => b.notices) };
    return sideEffects.applySideEffects({ journeyId: state.journeyId, officeId: state.officeId, ...merged, ...(afterFailure ? { afterFailure } : {}) });
  }, carried);
  const projection = new SideEffectQueue<JourneyEvent>(
    (events, afterFailure) => sideEffects.projectJourney({ journeyId: state.journeyId, events, state, ...(afterFailure ? { afterFailure } : {}) }),
    apart ? unprojected.splice(0) : [],
  );
  const notices = new SideEffectQueue<JourneyNotice>(
    (batch, afterFailure) => sideEffects.notifyJourney({ journeyId: state.journeyId, notices: batch, ...(afterFailure ? { afterFailure } : {}) }),
    apart ? unsentNotices.splice(0) : [],
  );
  /** The live view's `sideEffects`: with one stream, both parts show its failure and what of each kind waits. */
  const sideEffectsStatus = (): SideEffectsStatus => {
    if (!one) return { projection: projection.status(), notices: notices.status() };
    const { failing } = batches.status();
    const waiting = batches.pending;
    return {
      projection: { pending: waiting.reduce((n, b) => n + b.events.length, 0), failing },
      notices: { pending: waiting.reduce((n, b) => n + b.notices.length, 0), failing },
    };
  };
  /** Everything handed to the side effects is written / nothing is in flight. */
  const sideEffectsDrained = () => batches.drained && projection.drained && notices.drained;
  const sideEffectsSettled = () => batches.settled && projection.settled && notices.settled;
  /** Hands a decision's events (and, when sent, its notices) to the side effects. */
  const record = (events: JourneyEvent[], sendNotices: () => boolean): void => {
    if (one) {
      if (events.length > 0) batches.push([{ events, notices: noticesFor(events, state) }]);
      return;
    }
    if (apart) {
      projection.push(events);
      notices.push(noticesFor(events, state));
      return;
    }
    unprojected.push(...events);
    if (sendNotices()) unsentNotices.push(...noticesFor(events, state));
  };

  const decideOrRefuse = (command: JourneyCommand): JourneyEvent[] => {
    const decision = decide(state, command, now());
    if (!decision.ok) throw refusalFailure(decision.refusal);
    return decision.events;
  };
  const execute = (command: JourneyCommand): JourneyView => {
    const events = decideOrRefuse(command);
    state = applyEvents(state, events);
    record(events, () => patched(COMMAND_NOTICES_PATCH));
    return toView(state);
  };
  /**
   * What every update's validator checks before the decision: an object whose text the engine can store (commands
   * sent straight to Temporal skip the API's validation). Validators do not run on replay, so this may tighten.
   */
  const admissible = <C>(c: C): C => {
    if (isUnencryptedPayloadRefused(c)) {
      throw refusalFailure({ code: 'UNENCRYPTED_PAYLOAD', message: 'commands reach a journey encrypted, through the API' });
    }
    if (typeof c !== 'object' || c === null || Array.isArray(c)) {
      throw refusalFailure({ code: 'INVALID_VALUE', message: 'a command is an object', field: '(input)' });
    }
    const text = findTextProblem(c);
    if (text) throw refusalFailure({ code: 'INVALID_VALUE', message: text.message, field: text.field });
    return c;
  };
  /** The command's shape and limits, as the API checks them (the command table of `@sal/contracts`). */
  const wellFormed = (command: JourneyCommand): JourneyCommand => {
    if (!isOperatorCommandType(command.type)) {
      throw refusalFailure({ code: 'INVALID_VALUE', message: 'must be an operator command type', field: 'type' });
    }
    const parsed = commandSchema(command.type).safeParse(command);
    if (!parsed.success) {
      const [first] = inputProblems(parsed.error);
      throw refusalFailure({ code: 'INVALID_VALUE', message: first.message, field: first.field });
    }
    return command;
  };

  // Validators run the same decision without recording it, so a refused command leaves no trace in history.
  setHandler(recordIntakeUpdate, (c) => execute({ ...c, type: 'RecordIntake' }), {
    validator: (c) => void decideOrRefuse(wellFormed({ ...admissible(c), type: 'RecordIntake' })),
  });
  setHandler(signPactUpdate, (c) => execute({ ...c, type: 'SignPact' }), {
    validator: (c) => void decideOrRefuse(wellFormed({ ...admissible(c), type: 'SignPact' })),
  });
  setHandler(completePactActionUpdate, (c) => execute({ ...c, type: 'CompletePactAction' }), {
    validator: (c) => void decideOrRefuse(wellFormed({ ...admissible(c), type: 'CompletePactAction' })),
  });
  setHandler(recordContactUpdate, (c) => execute({ ...c, type: 'RecordContact' }), {
    validator: (c) => void decideOrRefuse(wellFormed({ ...admissible(c), type: 'RecordContact' })),
  });
  setHandler(closeJourneyUpdate, (c) => execute({ ...c, type: 'CloseJourney' }), {
    validator: (c) => void decideOrRefuse(wellFormed({ ...admissible(c), type: 'CloseJourney' })),
  });
  // Since the command table, every operator command may come this way (the API sends all of them so); runs recorded
  // before it only carried the commands added with the six services.
  const generic = (c: unknown): JourneyCommand => {
    const command = c as JourneyCommand;
    if (typeof command !== 'object' || command === null || !isOperatorCommandType(command.type)) {
      throw refusalFailure({ code: 'INVALID_VALUE', message: 'must be an operator command type', field: 'type' });
    }
    return command;
  };
  /**
   * The caller's offices the API sends with a command: a journey outside them is refused before anything about it is
   * decided (the API's 403). Absent (a command sent straight to Temporal, or recorded before it travelled), nothing is
   * checked here; the handler never reads it, so recorded updates replay as they ran.
   */
  const withinCallerOffices = (caller: unknown): void => {
    if (isCallerOffices(caller) && !coversOffice(caller, state.officeId)) {
      throw ApplicationFailure.create({ type: JOURNEY_OUTSIDE_OFFICES_FAILURE_TYPE, message: outsideOfficesMessage([state.officeId]), nonRetryable: true });
    }
  };
  setHandler(journeyCommandUpdate, (c) => execute(generic(c)), {
    validator: (c, caller?: unknown) => {
      const command = admissible(c);
      withinCallerOffices(caller);
      void decideOrRefuse(wellFormed(generic(command)));
    },
  });
  setHandler(getJourneyStateQuery, (): JourneyLiveView =>
    apart ? { ...toView(state), sideEffects: sideEffectsStatus() } : toView(state),
  );
  setHandler(retrySideEffectsSignal, () => {
    batches.retryNow();
    projection.retryNow();
    notices.retryNow();
  });

  if (one) {
    void batches.run(now);
    return await journeyLoop();
  }
  if (apart) {
    void projection.run(now);
    void notices.run(now);
    return await journeyLoop();
  }

  /** The journey's clocks; its side effects run in their own loops. */
  async function journeyLoop(): Promise<JourneyView> {
    let indexed = '';
    for (;;) {
      // Closed, and (edition 2) no appeal against a decadenza possible any more; edition 1: closed, as before.
      if (journeyFinished(state)) break;
      indexed = indexSearchAttributes(state, indexed);

      if (workflowInfo().continueAsNewSuggested) {
        // What is not yet written travels to the next run; nothing may be in flight when it goes.
        await condition(() => allHandlersFinished() && sideEffectsSettled());
        const waiting = batches.pending;
        await continueAsNew<typeof journeyWorkflow>({
          kind: 'continued',
          state,
          unprojected: [...waiting.flatMap((b) => b.events), ...projection.pending],
          unsentNotices: [...waiting.flatMap((b) => b.notices), ...notices.pending],
        });
      }

      const deadline = nextDeadline(state);
      const seen = state.lastSeq;
      const changed = () => state.lastSeq !== seen;
      if (deadline === null) {
        await condition(changed);
      } else if (!(await condition(changed, Math.max(1, toMillis(deadline.at) - Date.now())))) {
        const events = decideOrRefuse({ type: 'ProcessDeadlines' });
        state = applyEvents(state, events);
        record(events, () => true);
      }
    }
    indexSearchAttributes(state, indexed);
    await startNextEpisode(state);
    // A finished journey ends once its history is in the read model and its last notices are in the outbox.
    await condition(() => allHandlersFinished() && sideEffectsDrained());
    return toView(state);
  }

  // Runs recorded before SIDE_EFFECTS_APART_PATCH: the single loop they ran, unchanged.
  let indexed = '';
  for (;;) {
    if (unprojected.length > 0) {
      const events = unprojected.splice(0);
      await projectJourney({ journeyId: state.journeyId, events, state });
      continue;
    }
    if (unsentNotices.length > 0) {
      const notices = unsentNotices.splice(0);
      await notifyJourney({ journeyId: state.journeyId, notices });
      continue;
    }
    if (state.status === 'closed') break;
    indexed = indexSearchAttributes(state, indexed);

    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (unprojected.length === 0 && unsentNotices.length === 0) {
        await continueAsNew<typeof journeyWorkflow>({ kind: 'continued', state, unprojected: [], unsentNotices: [] });
      }
      continue;
    }

    const deadline = nextDeadline(state);
    const seen = state.lastSeq;
    const changed = () => state.lastSeq !== seen;
    if (deadline === null) {
      await condition(changed);
    } else if (!(await condition(changed, Math.max(1, toMillis(deadline.at) - Date.now())))) {
      const events = decideOrRefuse({ type: 'ProcessDeadlines' });
      state = applyEvents(state, events);
      record(events, () => patched(NOTICES_PATCH));
    }
  }

  indexSearchAttributes(state, indexed);
  await startNextEpisode(state);
  await condition(allHandlersFinished);
  return toView(state);
}

/**
 * A journey transferred to another path (`TransferJourney`) starts the next episode before it ends: a child workflow
 * with a deterministic id (the API derived it) that outlives this one (`ABANDON`). The journey waits until the child
 * has started; on a crash in between the start is replayed from history, and a child that already exists counts as
 * started. Journeys that were not transferred start nothing, so recorded histories replay unchanged.
 */
async function startNextEpisode(state: JourneyState): Promise<void> {
  const start = nextEpisodeStart(state);
  if (start === null) return;
  try {
    await startChild(journeyWorkflow, {
      workflowId: start.journeyId,
      args: [{ kind: 'start', start }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: journeySearchAttributes.office, value: start.officeId },
        { key: journeySearchAttributes.programme, value: start.programmeCode },
        { key: journeySearchAttributes.stage, value: 'awaiting_intake' },
        { key: journeySearchAttributes.status, value: 'open' },
      ],
    });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
  }
}

function now(): string {
  // Date in workflow code is the workflow task's deterministic clock.
  return new Date().toISOString();
}

function refusalFailure(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.create({
    type: JOURNEY_REFUSAL_FAILURE_TYPE,
    message: refusal.message,
    details: [refusal],
    nonRetryable: true,
  });
}

/** Keeps the journey's search attributes current; returns what was indexed so unchanged values cost no command. */
function indexSearchAttributes(state: JourneyState, previous: string): string {
  const view = toView(state);
  const values = {
    stage: view.stage,
    status: view.status,
    deadline: view.nextDeadline?.at ?? null,
    overdue: view.overdueActionCount,
    stalled: view.stalled !== null,
    // The programme changes when a GOL path is chosen (issue 14); constant otherwise, so recorded runs upsert as they did.
    programme: state.programmeCode,
  };
  const signature = JSON.stringify(values);
  if (signature === previous) return previous;
  const pairs: SearchAttributeUpdatePair[] = [
    { key: journeySearchAttributes.stage, value: values.stage },
    { key: journeySearchAttributes.status, value: values.status },
    { key: journeySearchAttributes.office, value: state.officeId },
    { key: journeySearchAttributes.programme, value: state.programmeCode },
    { key: journeySearchAttributes.nextDeadline, value: values.deadline === null ? null : new Date(values.deadline) },
    { key: journeySearchAttributes.overdueActions, value: values.overdue },
    { key: journeySearchAttributes.stalled, value: values.stalled },
  ];
  upsertSearchAttributes(pairs);
  return signature;
}
