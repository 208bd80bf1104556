/**
 * Names of the baseline workflows and their update, shared by the workflow module (bundled into the worker) and the
 * bench's client code, which must not import workflow code.
 */
export const BARE_START_WORKFLOW = 'bareStartWorkflow';
export const BARE_UPDATE_WORKFLOW = 'bareUpdateWorkflow';
export const BARE_TIMER_WORKFLOW = 'bareTimerWorkflow';
/** The update the bare workflows answer: the bare counterpart of an operator command. */
export const BARE_UPDATE = 'bareUpdate';
/** Arms a bare timer workflow: its argument is the instant (epoch ms) to sleep until. */
export const ARM_TIMER_UPDATE = 'armTimer';
