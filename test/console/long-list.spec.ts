import type { Locator, Page } from '@playwright/test';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from '../support/env';
import { expect, expectAccessible, screenshots, test } from './support/fixtures';
import { signInAsDeveloper } from './support/sign-in';

/** How many journeys the office holds: the "a list of 10,000 journeys". */
const JOURNEYS = 10_000;
/** The most rows the long list may hold in the DOM at any moment (a viewport and its overscan, far below the total). */
const MOST_ROWS_IN_DOM = 200;
/**
 * The most list calls a whole screen may make while the test visits its top, its end and its middle: the pages (100
 * rows each) near where the view settles, a fifth of the 100 pages at most, where one call per row would be 10,000 and
 * every page 100. Not tighter: how many pages a scroll passes before it settles depends on the machine's speed (a
 * clean-clone CI at load 5 saw 10 calls, a quiet run 4), and the home page and a refocused window ask again too.
 */
const MOST_LIST_CALLS = 20;

/**
 * 10,000 journeys of one office written straight into the read model (through the API and Temporal they would take
 * far too long here): open, awaiting the pact, stalled because it was not signed in time. Row `n` (1…10,000) has the
 * `n`-th next deadline and the `n`-th stall (the oldest first), so the lists' default orders (next deadline; longest
 * stalled) put `Lunga00001` first and `Lunga10000` last.
 */
async function seedJourneys(db: DataSource, office: string, operator: string): Promise<void> {
  await db.query(
    `INSERT INTO journeys (journey_id, programme_code, office_id, stage, status, fiscal_code, given_name, family_name, did_date, started_at,
                           taken_in_charge_at, intake_operator_id, responsible_operator_id, next_deadline_at, stalled_since, stall_reasons,
                           last_seq, updated_at)
     SELECT 'jrn_' || md5($1 || n), 'GOL-1', $1, 'awaiting_pact', 'open', 'LNGRGA80A01H501' || chr(65 + n % 26), 'Riga', 'Lunga' || lpad(n::text, 5, '0'),
            current_date - 30, now() - interval '30 days', now() - interval '29 days', $2, $2,
            now() + n * interval '1 hour', now() - (${JOURNEYS + 1} - n) * interval '10 minutes', '{pact_not_signed}', 1, now()
     FROM generate_series(1, ${JOURNEYS}) AS n`,
    [office, operator],
  );
}

/** Counts the browser's calls to an API list (GET of that path, whatever its query). */
function countCalls(page: Page, path: string): { readonly count: number } {
  const calls = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === path) calls.count += 1;
  });
  return calls;
}

/** Watches the long list's rows from now on: the most `tbody tr` it ever held at once (a MutationObserver in the page). */
async function watchRowCount(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Watched = typeof globalThis & { __mostRows?: number };
    const g = globalThis as Watched;
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number }; body: object } }).document;
    const count = () => {
      g.__mostRows = Math.max(g.__mostRows ?? 0, doc.querySelectorAll('[data-testid="long-list"] tbody tr').length);
    };
    count();
    const Observer = (globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(target: object, options: object): void } }).MutationObserver;
    new Observer(count).observe(doc.body, { childList: true, subtree: true });
  });
}

async function mostRows(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as typeof globalThis & { __mostRows?: number }).__mostRows ?? 0);
}

/** Scrolls the long list to its end with the keyboard (End in the focused scrolling region) until its last row is in view. */
async function scrollToEnd(page: Page, list: Locator, lastRow: Locator): Promise<void> {
  await list.focus();
  await expect(async () => {
    // Rows measured on the way change the list's height: End again until the last row shows.
    await page.keyboard.press('End');
    await expect(lastRow).toBeInViewport({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test.describe('a long list: 10,000 journeys of one office', () => {
  const office = `CPI-LL-${uniqueSuffix()}`;
  const operator = `op-ll-${uniqueSuffix()}`;
  const supervisor = `sup-ll-${uniqueSuffix()}`;

  test.beforeAll(async ({ stack }) => {
    await seedJourneys(stack.database, office, operator);
    const [{ count }] = await stack.database.query(`SELECT count(*)::int AS count FROM journeys WHERE office_id = $1`, [office]);
    expect(count).toBe(JOURNEYS);
  });

  test('My cases: the total in Italian, the end reached by keyboard, a few hundred rows in the DOM, a call per page', async ({ page }) => {
    const calls = countCalls(page, '/journeys');
    await signInAsDeveloper(page, { offices: office, sub: operator });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'I miei casi' }).click();
    await expect(page.getByRole('heading', { name: '10.000 percorsi' })).toBeVisible();
    await watchRowCount(page);

    const table = page.getByRole('table', { name: 'Elenco dei percorsi' });
    // Every journey plus the header row, for assistive technology; the first journey first.
    await expect(table).toHaveAttribute('aria-rowcount', String(JOURNEYS + 1));
    const firstRow = table.getByRole('row', { name: /Lunga00001 Riga/ });
    await expect(firstRow).toBeVisible();
    await expect(firstRow).toHaveAttribute('aria-rowindex', '2');
    await expectAccessible(page);
    await screenshots(page, 'long-list-cases');

    // Down to the last journey with the keyboard: its row and its data, at its place among 10,001 rows.
    const region = page.getByRole('region', { name: 'Elenco dei percorsi' });
    const lastRow = table.getByRole('row', { name: /Lunga10000 Riga/ });
    await scrollToEnd(page, region, lastRow);
    await expect(lastRow).toHaveAttribute('aria-rowindex', String(JOURNEYS + 1));
    await expect(lastRow.getByRole('link', { name: 'Lunga10000 Riga' })).toBeVisible();
    await expect(lastRow.getByRole('cell', { name: 'GOL-1' })).toBeVisible();
    await expect(lastRow.getByRole('cell', { name: office })).toBeVisible();
    await expect(lastRow.getByRole('cell', { name: 'In attesa del patto' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Lunga00001 Riga/ })).toHaveCount(0);
    // Tab from the scrolling region reaches the links of the rows in view.
    await expect(region).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName(/^Lunga\d{5} Riga$/);
    await expect(page.locator(':focus')).toBeInViewport();
    await screenshots(page, 'long-list-cases-end');

    // Half way: a row in the middle, reached by scrolling the region (the wheel), its page fetched.
    await region.evaluate((element) => {
      const scroller = element as unknown as { scrollTop: number; scrollHeight: number };
      scroller.scrollTop = scroller.scrollHeight / 2;
    });
    await expect(table.getByRole('row', { name: /Lunga0\d{4} Riga|Lunga10000 Riga/ }).first()).toBeVisible();
    await expect(table.locator('tbody tr[aria-busy="true"]')).toHaveCount(0);

    const rows = await mostRows(page);
    test.info().annotations.push({ type: 'measured', description: `most rows in the DOM ${rows}, GET /journeys calls ${calls.count}` });
    console.log(`my cases: most rows in the DOM ${rows}, list calls ${calls.count}`);
    expect(rows, 'rows in the DOM at once').toBeLessThanOrEqual(MOST_ROWS_IN_DOM);
    expect(calls.count, 'GET /journeys calls').toBeGreaterThanOrEqual(2);
    expect(calls.count, 'GET /journeys calls').toBeLessThanOrEqual(MOST_LIST_CALLS);
    await expectAccessible(page);

    // In English, the same total as English writes it.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: '10,000 journeys' })).toBeVisible();
    await page.getByRole('button', { name: 'Italiano' }).click();
    await expect(page.getByRole('heading', { name: '10.000 percorsi' })).toBeVisible();
  });

  test('stalled cases: the supervisor sees all 10,000 and reaches the last', async ({ page }) => {
    const calls = countCalls(page, '/supervisor/stalled-cases');
    await signInAsDeveloper(page, { role: 'Responsabile di ufficio', offices: office, sub: supervisor });
    await expect(page.getByRole('heading', { name: 'Benvenuto', level: 1 })).toBeVisible();
    await page.goto('/console/supervisor/stalled');
    await expect(page.getByRole('heading', { name: 'Casi fermi', level: 1 })).toBeVisible();
    const list = page.getByTestId('stalled-list');
    await expect(list.getByRole('heading', { name: '10.000 risultati' })).toBeVisible();
    await watchRowCount(page);
    const table = list.getByRole('table', { name: 'Casi fermi' });
    await expect(table).toHaveAttribute('aria-rowcount', String(JOURNEYS + 1));
    // Longest stalled first: 10,000 × 10 minutes ago, in whole days as Italian writes them.
    await expect(table.getByRole('row', { name: /Lunga00001 Riga/ })).toContainText('69 gg');
    await expectAccessible(page);
    await screenshots(page, 'long-list-stalled');

    const lastRow = table.getByRole('row', { name: /Lunga10000 Riga/ });
    await scrollToEnd(page, list.getByRole('region', { name: 'Casi fermi' }), lastRow);
    await expect(lastRow).toHaveAttribute('aria-rowindex', String(JOURNEYS + 1));
    await expect(lastRow).toContainText('0 gg');
    const rows = await mostRows(page);
    test.info().annotations.push({ type: 'measured', description: `most rows in the DOM ${rows}, GET /supervisor/stalled-cases calls ${calls.count}` });
    console.log(`stalled cases: most rows in the DOM ${rows}, list calls ${calls.count}`);
    expect(rows, 'rows in the DOM at once').toBeLessThanOrEqual(MOST_ROWS_IN_DOM);
    expect(calls.count, 'GET /supervisor/stalled-cases calls').toBeLessThanOrEqual(MOST_LIST_CALLS);
    await expectAccessible(page);
    await screenshots(page, 'long-list-stalled-end');
  });
});
