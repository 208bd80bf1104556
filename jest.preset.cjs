/**
 * The unit-test set-up every project shares: TypeScript specs next to the code, type-checked by ts-jest against the
 * project's tsconfig.spec.json. TS151002 only warns that module "node20" is "hybrid"; our output is CommonJS.
 * @param {string} displayName the project, as jest prints it
 * @param {import('jest').Config} [overrides]
 * @returns {import('jest').Config}
 */
module.exports = (displayName, overrides = {}) => ({
  displayName,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }] },
  ...overrides,
});
