import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOW_PRELOAD_MODULES } from './journey-worker';

/** Prebuilds the workflow bundle the worker loads in production (`dist/workflow-bundle.js`). */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('@sal/workflows'),
    // Tracing and the request id in logs (the worker gives the sink of the workflows' spans).
    workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES],
    // Shared by every workflow of a thread instead of loaded per workflow (bounded memory, issue 19).
    preloadModules: [...WORKFLOW_PRELOAD_MODULES],
  });
  const target = join(__dirname, 'workflow-bundle.js');
  writeFileSync(target, code);
  console.log(`worker: workflow bundle written to ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
