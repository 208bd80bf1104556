import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Keeps the last `maxLines` lines of a child's output for error messages. */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly maxLines = 200) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }

  text(): string {
    return this.lines.join('\n');
  }
}

/** Calls `onLine` for every complete line on `stream` (and the unterminated rest at the end). */
export function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split(/\r?\n/);
    pending = parts.pop() ?? '';
    for (const part of parts) onLine(part);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function waitForExit(child: ChildProcess): Promise<ExitInfo> {
  if (hasExited(child)) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

/**
 * Sends `signal`, waits up to `graceMs` for the process to exit, then
 * SIGKILLs it. Safe to call on a process that has already exited.
 */
export async function stopChild(
  child: ChildProcess,
  options: { signal?: NodeJS.Signals; graceMs: number },
): Promise<ExitInfo> {
  if (hasExited(child)) return waitForExit(child);
  const exited = waitForExit(child);
  child.kill(options.signal ?? 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.graceMs);
  });
  const first = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  child.kill('SIGKILL');
  return exited;
}

const exitKillers = new Set<() => void>();
let exitHookInstalled = false;

/**
 * Makes sure `child` does not outlive this Node process, even when the caller
 * forgets (or never gets) to stop it. Only the synchronous `exit` event is
 * available at that point, so we can signal but not wait. Returns an
 * unregister function for when the child is stopped normally.
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): () => void {
  const kill = (): void => {
    if (!hasExited(child)) {
      try {
        child.kill(signal);
      } catch {
        // Nothing sensible to do while the process is exiting.
      }
    }
  };
  exitKillers.add(kill);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // One shared listener instead of one per child avoids MaxListeners warnings.
    process.on('exit', () => {
      for (const k of exitKillers) k();
    });
  }
  child.once('exit', () => exitKillers.delete(kill));
  return () => exitKillers.delete(kill);
}

/**
 * How a server we started is stopped: `killOnExit` until then, and one `stopChild` (the same promise however often it
 * is called, so start-up failures and the caller may both stop it).
 */
export function stopOnce(child: ChildProcess, options: { signal: NodeJS.Signals; graceMs: number }): () => Promise<void> {
  const unregisterExitKill = killOnExit(child, options.signal);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= stopChild(child, options).then(() => {
      unregisterExitKill();
    });
    return stopping;
  };
}

/** True if a process with this pid exists (we may lack permission to signal it). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
