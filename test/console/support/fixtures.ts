import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { DataSource } from 'typeorm';
import { createThrowawayDatabase } from '../../support/database';
import { startProduct } from '../../support/services';

export interface ConsoleStack {
  baseUrl: string;
  /** The stack's database, connected as the schema's owner: a spec arranges read-model rows with it (long-list.spec). */
  database: DataSource;
}

/**
 * `stack`: the built API (serving the built console) and worker on a throwaway database and their own task queue,
 * started once per test file's worker and stopped after it. `baseURL` points the browser at that API.
 */
export const test = base.extend<object, { stack: ConsoleStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const database = await createThrowawayDatabase();
      const product = await startProduct(database.url);
      try {
        await use({ baseUrl: product.baseUrl, database: database.dataSource });
      } finally {
        await product.stop();
        await database.drop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.baseUrl),
});

export { expect };

const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');
const PHONE = { width: 375, height: 812 };

/** Writes `<name>-desktop.png` and `<name>-375.png` (a phone's width) to test/console/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const desktop = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

/** axe-core, WCAG 2.1 A and AA rules: no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    blocking.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}
