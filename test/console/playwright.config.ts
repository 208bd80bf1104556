import { defineConfig } from '@playwright/test';

/**
 * The console's browser tests: Playwright Test driving Debian's Chromium (`apt-get install chromium`; no browser
 * download) against the real stack — the built API (serving the built console) and worker, a Temporal dev server and
 * an embedded PostgreSQL, started as the e2e tests start them (test/support). Run by `npm test` (the `test` target of
 * @sal/console), or alone: `cd apps/console && npx playwright test --config ../../test/console/playwright.config.ts`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './support/global-setup.ts',
  // One browser at a time: the machine is small, and each file starts its own API and worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    viewport: { width: 1280, height: 800 },
    locale: 'it-IT',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
  },
});
