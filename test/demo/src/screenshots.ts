import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';

const USAGE = `npm run demo -- --screenshots [--api URL] [--out DIR] [--chromium PATH]

Writes the README's screenshots of the console from the product as the demo filled it (run \`npm run demo\` first,
against the same \`npm start\`): an operator's cases and a journey's page (CPI-TO-01), the supervisors' dashboard and
KPIs (desktop), and the dashboard at 375 px. Signs in with the development sign-in, as a person would.
Drives Debian's Chromium (no browser download).

  --api URL        the product (default $SAL_API_URL or http://127.0.0.1:3000)
  --out DIR        where the PNGs go (default docs/screenshots)
  --chromium PATH  the browser (default $CHROMIUM_PATH or /usr/bin/chromium)`;

interface Options {
  api: string;
  out: string;
  chromium: string;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      screenshots: { type: 'boolean', default: true },
      api: { type: 'string', default: process.env.SAL_API_URL ?? 'http://127.0.0.1:3000' },
      out: { type: 'string', default: path.join('docs', 'screenshots') },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return { api: values.api!.replace(/\/+$/, ''), out: path.resolve(values.out!), chromium: values.chromium! };
}

type Role = 'Operatore' | 'Responsabile di ufficio';

/** The development sign-in, by its labels (the console's Italian). */
async function signIn(page: Page, api: string, role: Role, offices: string, sub: string): Promise<void> {
  await page.goto(`${api}/console/`);
  await page.getByRole('heading', { name: 'Accesso di sviluppo', level: 1 }).waitFor();
  await page.locator('label', { has: page.getByRole('radio', { name: role }) }).click();
  await page.getByRole('textbox', { name: 'Uffici' }).fill(offices);
  await page.getByRole('textbox', { name: 'Codice operatore' }).fill(sub);
  await page.getByRole('button', { name: 'Entra' }).click();
  await page.getByRole('button', { name: /Esci/ }).first().waitFor();
}

/** Waits until no spinner or "Caricamento" is left on the page, then writes it. */
async function shoot(page: Page, out: string, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByText(/Caricamento/).first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`[screenshots] ${path.relative(process.cwd(), file)}`);
}

/** Opens a console route (under /console) and waits for its heading. */
async function open(page: Page, o: Options, route: string): Promise<void> {
  await page.goto(`${o.api}/console${route}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** A desktop browser context in Rome, Italian, signed in as the given person; closed after `work`. */
async function as(browser: Browser, o: Options, role: Role, offices: string, sub: string, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });
  try {
    const page = await context.newPage();
    await signIn(page, o.api, role, offices, sub);
    await work(page);
  } finally {
    await context.close();
  }
}

const operator = (browser: Browser, o: Options) =>
  as(browser, o, 'Operatore', 'CPI-TO-01', 'op.cpito01.1', async (page) => {
    await open(page, o, '/cases');
    const firstJourney = page.locator('a[href*="/console/journeys/jrn_"]').first();
    await firstJourney.waitFor({ timeout: 60_000 });
    await shoot(page, o.out, 'demo-cases');
    // A journey with a pact in force reads best: the first one listed in pact_active, else the first one.
    await page.getByRole('button', { name: /Fase$/ }).first().click();
    await page.getByRole('option', { name: 'Patto attivo', exact: true }).click();
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByRole('button', { name: /^Patto attivo.*Fase$/ }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('a[href*="/console/journeys/jrn_"]').first().click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('heading', { name: /Patto/ }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await shoot(page, o.out, 'demo-journey');
  });

const supervisor = (browser: Browser, o: Options) =>
  as(browser, o, 'Responsabile di ufficio', 'CPI-TO-01', 'sup.cpito01', async (page) => {
    await open(page, o, '/supervisor');
    await shoot(page, o.out, 'demo-dashboard');
    await open(page, o, '/supervisor/kpis');
    await page.locator('svg').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await shoot(page, o.out, 'demo-kpis');
    await page.setViewportSize({ width: 375, height: 812 });
    await open(page, o, '/supervisor');
    await shoot(page, o.out, 'demo-dashboard-375');
  });

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  const browser = await chromium.launch({ executablePath: o.chromium, headless: true });
  try {
    await operator(browser, o);
    await supervisor(browser, o);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[screenshots] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
