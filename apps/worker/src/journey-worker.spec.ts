import { defaultWorkflowSource } from './settings';

describe('the worker loads its workflow code', () => {
  it('from the workflows package in development', () => {
    const source = defaultWorkflowSource({});
    expect(source).toEqual({ workflowsPath: require.resolve('@sal/workflows') });
  });

  it('from the bundle WORKFLOW_BUNDLE_PATH names, and says how to build one that is missing', () => {
    expect(defaultWorkflowSource({ WORKFLOW_BUNDLE_PATH: __filename })).toEqual({ bundlePath: __filename });
    expect(() => defaultWorkflowSource({ WORKFLOW_BUNDLE_PATH: '/nowhere/bundle.js' })).toThrow(/WORKFLOW_BUNDLE_PATH: no workflow bundle at \/nowhere\/bundle.js: run `npm run build:bundle/);
  });
});
