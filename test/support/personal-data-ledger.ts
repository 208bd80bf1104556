import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The run's log folder: every product process the tests start writes its output there, and the personal data the
 * tests send the API is noted there too, so the last test of the run can check that no log holds any of it. Set by
 * the global set-up; unset (nothing kept) when a test file runs outside `npm test`'s set-up.
 */
export function testLogDir(): string | null {
  return process.env.SAL_TEST_LOG_DIR || null;
}

// Issue 15: the GOL monitoring's birth date is personal data too.
const PERSONAL_KEYS = new Set(['fiscalCode', 'givenName', 'familyName', 'email', 'phone', 'birthDate']);
const LEDGER = 'personal-data.jsonl';

/** Notes the personal data in a request body the tests send (any depth), for the redaction test. */
export function notePersonalData(body: unknown): void {
  const dir = testLogDir();
  if (!dir || body === undefined) return;
  const found: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 8 || typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (PERSONAL_KEYS.has(key) && typeof value === 'string' && value.trim().length >= 3) found.push(value.trim());
      else walk(value, depth + 1);
    }
  };
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
  }
  walk(parsed, 0);
  if (found.length > 0) appendFileSync(join(dir, LEDGER), `${JSON.stringify(found)}\n`);
}

/** Every personal value the run's tests sent. */
export function notedPersonalData(dir: string): Set<string> {
  const file = join(dir, LEDGER);
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => JSON.parse(line) as string[]),
  );
}

/** The product processes' logs of the run: file name and lines. */
export function processLogs(dir: string): { file: string; lines: string[] }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((file) => ({ file, lines: readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean) }));
}
