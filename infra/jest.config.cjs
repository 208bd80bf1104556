/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        // TS151002 warns that module "node20" is only fully supported with
        // isolatedModules; all our files are CommonJS, and we want ts-jest to
        // keep type-checking the specs (tsc -b excludes them).
        diagnostics: { ignoreCodes: [151002] },
      },
    ],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The specs start real servers (Temporal, PostgreSQL); their own hooks use
  // explicit timeouts, this is only the fallback for anything that forgets to.
  testTimeout: 120_000,
};
