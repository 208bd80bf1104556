import fs from 'node:fs';
import path from 'node:path';
import { isPidAlive } from './process-utils';
import { waitFor } from './wait-for';

interface Entry {
  name: string;
  pid: number;
  /** From /proc/<pid>/stat: tells our process apart from a later one reusing the pid. */
  startTime: string;
  signal: NodeJS.Signals;
}

/**
 * Records the pids of the launcher's children in a file, so that the next run
 * can stop whatever a killed (kill -9) launcher left behind: our children run
 * in their own process groups and would otherwise hold on to the ports and
 * the data folders. Linux only (needs /proc); elsewhere it does nothing.
 */
export class ChildPidFile {
  private entries: Entry[] = [];

  constructor(private readonly file: string) {}

  add(name: string, pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
    const startTime = procStartTime(pid);
    if (startTime === undefined) return;
    this.entries.push({ name, pid, startTime, signal });
    this.save();
  }

  remove(pid: number): void {
    this.entries = this.entries.filter((e) => e.pid !== pid);
    this.save();
  }

  /** Stops processes recorded by an earlier run that are still alive. */
  async stopLeftovers(log: (line: string) => void): Promise<void> {
    let previous: Entry[];
    try {
      previous = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Entry[];
    } catch {
      return;
    }
    // Newest first, like a normal shutdown: apps before the services they use.
    for (const entry of previous.reverse()) {
      if (procStartTime(entry.pid) !== entry.startTime) continue;
      log(`Stopping ${entry.name} (pid ${entry.pid}) left running by an earlier run`);
      try {
        process.kill(entry.pid, entry.signal);
        await waitFor(() => !isPidAlive(entry.pid), {
          timeoutMs: 30_000,
          intervalMs: 200,
          description: `${entry.name} (pid ${entry.pid}) to exit`,
        }).catch(() => process.kill(entry.pid, 'SIGKILL'));
      } catch {
        // Already gone.
      }
    }
    this.save();
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(this.entries, null, 2));
  }
}

function procStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name start at field 3; starttime is field 22.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
