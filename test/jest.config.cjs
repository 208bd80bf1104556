/**
 * Integration and end-to-end tests against a real Temporal dev server and a real PostgreSQL, which the global set-up
 * starts once (free ports, in-memory / temporary data) and the teardown stops. Files run one at a time: the machine is
 * small, and each file still uses its own database and task queue.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'integration',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/integration/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts', '<rootDir>/demo/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/support/sequencer.cjs',
  // Name every failing test again after the totals (Jest does so only above 20 suites by default): a CI log is often
  // read from its tail.
  reporters: [['default', { summaryThreshold: 0 }]],
};
