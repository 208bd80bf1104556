import { canonicalInstant, toMillis } from '../dates';

/**
 * The journey's clocks stand still while the person is not available to the services: a job of up to six months that
 * suspends the unemployed status (art. 19 c.3 D.lgs. 150/2015), or a justified long absence from the catalogue's
 * closed list. A clock measures time the person was available, so a deadline `at` whose clock started at `since`
 * falls due later by every pause between the two, and is held (no instant at all) while a pause that reached it is
 * still running. This is the one place where that is written: `pendingDeadlines` applies it to every deadline.
 */
export interface ClockPause {
  /** When the pause began (an ISO-8601 instant). */
  from: string;
  /** When it ended; null while it runs. */
  endedAt: string | null;
}

/**
 * When a deadline falls due once the pauses are counted: `at` (computed as if nothing paused) plus the length of each
 * pause the clock ran into after `since`; null while a pause it ran into is still running. Overlapping pauses count
 * once. With no pause it is `at` itself.
 *
 * @example pausedDeadline([{ from: '2026-03-01T00:00:00Z', endedAt: '2026-04-01T00:00:00Z' }], '2026-02-01T00:00:00Z', '2026-03-15T00:00:00Z')
 *          // '2026-04-15T00:00:00.000Z': the clock had 14 days to run when the pause began, and ran them after it
 */
export function pausedDeadline(pauses: readonly ClockPause[], since: string, at: string): string | null {
  if (pauses.length === 0) return at;
  const start = toMillis(since);
  let due = toMillis(at);
  for (const p of merged(pauses)) {
    // A pause over before the clock started, or begun after it fell due, does not touch it.
    if (p.to !== null && p.to <= start) continue;
    if (p.from >= due) break;
    if (p.to === null) return null;
    due += p.to - Math.max(p.from, start);
  }
  return due === toMillis(at) ? at : canonicalInstant(due);
}

/** How long the pauses covered between two instants (ms): a running pause counts up to `until`. */
export function pausedMillis(pauses: readonly ClockPause[], since: string, until: string): number {
  const start = toMillis(since);
  const end = toMillis(until);
  let total = 0;
  for (const p of merged(pauses)) {
    const from = Math.max(p.from, start);
    const to = Math.min(p.to ?? end, end);
    if (to > from) total += to - from;
  }
  return total;
}

/** Whether a pause is running at instant `at`. */
export function pausedAt(pauses: readonly ClockPause[], at: string): boolean {
  const t = toMillis(at);
  return pauses.some((p) => toMillis(p.from) <= t && (p.endedAt === null || toMillis(p.endedAt) > t));
}

/** The pauses as disjoint intervals in time order (ms; `to` null while one runs). */
function merged(pauses: readonly ClockPause[]): { from: number; to: number | null }[] {
  const intervals = pauses
    .map((p) => ({ from: toMillis(p.from), to: p.endedAt === null ? null : toMillis(p.endedAt) }))
    .filter((p) => p.to === null || p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: { from: number; to: number | null }[] = [];
  for (const p of intervals) {
    const last = out[out.length - 1];
    if (last && (last.to === null || p.from <= last.to)) {
      last.to = last.to === null || p.to === null ? null : Math.max(last.to, p.to);
    } else {
      out.push({ ...p });
    }
  }
  return out;
}
