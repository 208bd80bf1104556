// The worker's workflowsPath: every workflow the journey worker runs, and nothing else.
export { journeyWorkflow } from './journey-workflow';
export { retentionSweepWorkflow } from './retention-sweep-workflow';
export { importWorkflow } from './import-workflow';
