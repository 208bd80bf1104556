import type { DataSource } from 'typeorm';
import { replay, toView, viewAt, type JourneyEvent } from '@sal/domain';
import { http, type ServiceProcess } from './services';
import { eventually } from './wait';

/**
 * Book-keeping for fault drills: what the read model holds for a drill's own journeys, checked for loss and
 * duplication, and compared with what the journeys' workflows say.
 */

/** What a drill counts before and after a fault. */
export interface DrillCounts {
  /** `GET /journeys?officeId=<office>` total (the read model, through the API). */
  journeys: number;
  /** `journey_events` rows of the drill's journeys. */
  events: number;
  /** `journeys` rows of the drill's office. */
  journeyRows: number;
  /** `pact_actions` rows of the drill's office. */
  pactActionRows: number;
}

export interface DrillAudit {
  counts: DrillCounts;
  /** Each journey's recorded events, oldest first, in their domain shape. */
  events: Map<string, JourneyEvent[]>;
  /** Each journey's `journeys` row (stage, status, last_seq). */
  rows: Map<string, { stage: string; status: string; lastSeq: number }>;
  /** Broken invariants: gaps or duplicates in a journey's events, rows that disagree with the events, stray rows. */
  problems: string[];
}

interface EventRow {
  journey_id: string;
  seq: number;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * Counts and checks what the read model holds for `journeyIds` (all of the office `officeId`):
 * - each journey's events are numbered 1..n without gaps, and no (journey_id, seq) appears twice;
 * - each journey has one `journeys` row whose last_seq is its highest event seq and whose stage/status are what the
 *   events fold into; its `pact_actions` rows are the actions the events describe;
 * - the office has no rows for journeys the drill did not start.
 */
export async function auditDrill(baseUrl: string, dataSource: DataSource, officeId: string, journeyIds: readonly string[]): Promise<DrillAudit> {
  const problems: string[] = [];
  const listed = await http(baseUrl, 'GET', `/journeys?officeId=${encodeURIComponent(officeId)}&pageSize=1`);
  if (listed.status !== 200) throw new Error(`GET /journeys?officeId=${officeId} answered ${listed.status} ${JSON.stringify(listed.body)}`);

  const eventRows: EventRow[] = await dataSource.query(
    'SELECT journey_id, seq, type, occurred_at, data FROM journey_events WHERE journey_id = ANY($1) ORDER BY journey_id, seq',
    [journeyIds],
  );
  const duplicates: { journey_id: string; seq: number; n: number }[] = await dataSource.query(
    'SELECT journey_id, seq, count(*)::int AS n FROM journey_events WHERE journey_id = ANY($1) GROUP BY journey_id, seq HAVING count(*) > 1',
    [journeyIds],
  );
  for (const d of duplicates) problems.push(`${d.journey_id}: event seq ${d.seq} recorded ${d.n} times`);
  const journeyRows: { journey_id: string; stage: string; status: string; last_seq: number }[] = await dataSource.query(
    'SELECT journey_id, stage, status, last_seq FROM journeys WHERE office_id = $1 OR journey_id = ANY($2)',
    [officeId, journeyIds],
  );
  const actionRows: { journey_id: string; action_id: string; status: string }[] = await dataSource.query(
    'SELECT journey_id, action_id, status FROM pact_actions WHERE office_id = $1 OR journey_id = ANY($2)',
    [officeId, journeyIds],
  );

  const events = new Map<string, JourneyEvent[]>(journeyIds.map((id) => [id, []]));
  for (const r of eventRows) {
    events.get(r.journey_id)!.push({ seq: r.seq, type: r.type, at: new Date(r.occurred_at).toISOString(), data: r.data } as unknown as JourneyEvent);
  }
  const rows = new Map(journeyRows.map((r) => [r.journey_id, { stage: r.stage, status: r.status, lastSeq: r.last_seq }]));
  const known = new Set(journeyIds);
  for (const r of journeyRows) if (!known.has(r.journey_id)) problems.push(`office ${officeId} has a row for journey ${r.journey_id}, which the drill did not start`);

  for (const id of journeyIds) {
    const history = events.get(id)!;
    const seqs = history.map((e) => e.seq);
    if (seqs.some((s, i) => s !== i + 1)) problems.push(`${id}: event seqs are not contiguous from 1: ${seqs.join(',')}`);
    const row = rows.get(id);
    if (history.length === 0) {
      if (row) problems.push(`${id}: a journeys row (last_seq ${row.lastSeq}) but no events`);
      continue;
    }
    if (!row) {
      problems.push(`${id}: ${history.length} events but no journeys row`);
      continue;
    }
    const maxSeq = Math.max(...seqs);
    if (row.lastSeq !== maxSeq) problems.push(`${id}: journeys.last_seq ${row.lastSeq} but the highest event seq is ${maxSeq}`);
    const state = replay(history);
    if (row.stage !== state.stage || row.status !== state.status) {
      problems.push(`${id}: journeys row says ${row.stage}/${row.status}, the events say ${state.stage}/${state.status}`);
    }
    const rowActions = actionRows.filter((a) => a.journey_id === id).map((a) => `${a.action_id}:${a.status}`).sort();
    const eventActions = state.actions.map((a) => `${a.actionId}:${a.status}`).sort();
    if (rowActions.join(' ') !== eventActions.join(' ')) {
      problems.push(`${id}: pact_actions rows [${rowActions.join(' ')}] but the events say [${eventActions.join(' ')}]`);
    }
  }

  return {
    counts: { journeys: listed.body.total, events: eventRows.length, journeyRows: journeyRows.length, pactActionRows: actionRows.length },
    events,
    rows,
    problems,
  };
}

/** Waits until the audit holds exactly `expected` counts and no problem; returns it (or fails with the last one seen). */
export async function convergedAudit(
  baseUrl: string,
  dataSource: DataSource,
  officeId: string,
  journeyIds: readonly string[],
  expected: DrillCounts,
  { timeoutMs = 150_000 } = {},
): Promise<DrillAudit> {
  let last: DrillAudit | undefined;
  try {
    return await eventually(
      async () => {
        last = await auditDrill(baseUrl, dataSource, officeId, journeyIds);
        return last.problems.length === 0 && sameCounts(last.counts, expected) ? last : undefined;
      },
      `the read model of office ${officeId} to converge to ${JSON.stringify(expected)}`,
      { timeoutMs, intervalMs: 500 },
    );
  } catch (error) {
    const seen = last ? `\nlast seen: ${JSON.stringify(last.counts)}\nproblems:\n  ${last.problems.join('\n  ')}` : '';
    throw new Error(`${(error as Error).message}${seen}`);
  }
}

export function sameCounts(a: DrillCounts, b: DrillCounts): boolean {
  return a.journeys === b.journeys && a.events === b.events && a.journeyRows === b.journeyRows && a.pactActionRows === b.pactActionRows;
}

/**
 * Asks each journey's workflow for its state (`GET /journeys/{id}`) and compares it with the fold of its recorded
 * events seen at the answer's instant (`viewAt`): every field of the folded view must be the same. Returns the mismatches (empty when all agree).
 */
export async function stateMismatches(baseUrl: string, audit: DrillAudit): Promise<string[]> {
  const mismatches: string[] = [];
  for (const [journeyId, history] of audit.events) {
    const answer = await http(baseUrl, 'GET', `/journeys/${journeyId}`);
    if (answer.status !== 200) {
      mismatches.push(`${journeyId}: GET answered ${answer.status} ${JSON.stringify(answer.body)}`);
      continue;
    }
    // The API answers the view as of the request's instant (`asOf`, issue 17): the fold, seen at that same instant.
    const asOf = typeof answer.body.asOf === 'string' ? answer.body.asOf : new Date().toISOString();
    const expected = JSON.parse(JSON.stringify(viewAt(toView(replay(history)), asOf))) as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (JSON.stringify(canonical(answer.body[key])) !== JSON.stringify(canonical(value))) {
        mismatches.push(`${journeyId}.${key}: GET says ${JSON.stringify(answer.body[key])}, the events say ${JSON.stringify(value)}`);
      }
    }
  }
  return mismatches;
}

/** JSON with object keys sorted (jsonb does not keep key order). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The recorded event types of each journey, e.g. for `toEqual` against the commands a drill had accepted. */
export function eventTypes(audit: DrillAudit, journeyId: string): string[] {
  return (audit.events.get(journeyId) ?? []).map((e) => e.type);
}

const POLLING = 'worker: polling task queue';

/**
 * Starts a stopped worker process again and waits until this new run polls its task queue. (The process keeps the
 * output of earlier runs, so it waits for one more "polling" line than there was before.)
 */
export async function restartWorker(worker: ServiceProcess): Promise<void> {
  const before = occurrences(worker.output(), POLLING);
  worker.start();
  await eventually(
    () => {
      if (!worker.running) throw new Error(`worker exited:\n${worker.output()}`);
      return occurrences(worker.output(), POLLING) > before || undefined;
    },
    'the restarted worker to poll its task queue',
    { timeoutMs: 120_000 },
  );
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Prints a drill's figures where a CI log keeps them. */
export function report(drill: string, figures: Record<string, unknown>): void {
  process.stdout.write(`[fault-drill] ${drill}: ${JSON.stringify(figures)}\n`);
}
