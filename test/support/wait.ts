import { waitFor } from '@sal/infra';

/**
 * Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs` naming `description`
 * and the last error seen (infra's `waitFor`, with the tests' defaults). Tests wait on conditions, never on fixed
 * sleeps: this machine is small and shared.
 */
export function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  description: string,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<T> {
  return waitFor(probe, { description, timeoutMs, intervalMs, until: (value): value is T => value !== undefined && value !== false });
}
