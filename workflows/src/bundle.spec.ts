import { bundleWorkflowCode } from '@temporalio/worker';

describe('workflow code', () => {
  // The Temporal bundler refuses modules that cannot run in the deterministic sandbox (Node built-ins and the like).
  it('bundles for the workflow sandbox and exports the journey workflow', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), logger: quiet });
    expect(code).toContain('journeyWorkflow');
    expect(code).not.toMatch(/require\("(fs|net|pg|typeorm)"\)/);
  });
});

const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
