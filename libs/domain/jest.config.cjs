/** @type {import('jest').Config} */
module.exports = {
  displayName: 'domain',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Type-checked tests; TS151002 only warns that module node20 is "hybrid", which changes nothing for CommonJS output.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }] },
};
