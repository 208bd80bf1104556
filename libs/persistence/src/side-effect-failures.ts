import type { DataSource } from 'typeorm';
import { SideEffectFailureRecord } from './entities/side-effect-failure.entity';

/** What a failed side effect may say about itself: never the values it tried to write. */
export interface DescribedError {
  /** The data can never be written as it is (PostgreSQL classes 22 and 23): retrying will not help, a fix will. */
  dataError: boolean;
  message: string;
}

/** The SQLSTATEs we name; others are named by their class. */
const SQLSTATE_NAMES: Record<string, string> = {
  '22001': 'a value is too long for its column',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a character is not valid in the database encoding',
  '22P02': 'a value is not valid for its type',
  '22P05': 'a character the database cannot store (a NUL or an unpaired surrogate)',
  '23502': 'a required value is missing',
  '23505': 'a value that must be unique is already there',
  '23514': 'a value breaks a check constraint',
};
const SQLSTATE_CLASSES: Record<string, string> = {
  '08': 'connection exception',
  '22': 'data exception',
  '23': 'integrity constraint violation',
  '25': 'invalid transaction state',
  '40': 'transaction rollback',
  '42': 'syntax error or access rule violation',
  '53': 'insufficient resources',
  '57': 'operator intervention',
};

/**
 * Describes an error of a side effect for logs, Temporal's history and the failure record. PostgreSQL's own messages
 * and details may quote the values (a name, a fiscal code), so only its SQLSTATE and what it means are kept.
 */
export function describeSideEffectError(error: unknown): DescribedError {
  const code = sqlState(error);
  if (code) {
    const what = SQLSTATE_NAMES[code] ?? SQLSTATE_CLASSES[code.slice(0, 2)] ?? 'database error';
    return { dataError: code.startsWith('22') || code.startsWith('23'), message: `PostgreSQL ${code}: ${what}` };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  // Errors below SQL (a refused connection, a timeout) name hosts and ports, never data.
  return { dataError: false, message: `${e.name}: ${e.message}`.slice(0, 300) };
}

function sqlState(error: unknown): string | null {
  for (const candidate of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export interface SideEffectFailureEntry {
  journeyId: string;
  stream: 'projection' | 'notices';
  officeId: string;
  type: string;
  error: string;
  firstSeq: number | null;
}

/** The `side_effect_failures` table: journeys whose read model or notices are behind, and why. */
export class SideEffectFailures {
  constructor(private readonly dataSource: DataSource) {}

  /** Records (or counts again) a failure. Best effort: when the database itself is down there is nowhere to write. */
  async record(entry: SideEffectFailureEntry): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO side_effect_failures (journey_id, stream, office_id, type, error, first_seq)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (journey_id, stream) DO UPDATE
           SET type = EXCLUDED.type, error = EXCLUDED.error, attempts = side_effect_failures.attempts + 1, last_failed_at = now()`,
        [entry.journeyId.slice(0, 64), entry.stream, entry.officeId.slice(0, 64), entry.type, entry.error, entry.firstSeq],
      );
    } catch {
      // The failure is still in the journey's live view and in Temporal's history.
    }
  }

  async clear(journeyId: string, stream: 'projection' | 'notices'): Promise<void> {
    await this.dataSource.getRepository(SideEffectFailureRecord).delete({ journeyId, stream });
  }

  /** Failing journeys per stream, for the metrics. */
  async countByStream(): Promise<Record<string, number>> {
    const rows: { stream: string; n: number }[] = await this.dataSource.query(
      'SELECT stream, count(*)::int AS n FROM side_effect_failures GROUP BY stream',
    );
    return Object.fromEntries(rows.map((r) => [r.stream, r.n]));
  }
}
