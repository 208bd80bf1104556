import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** One audit entry as it is buffered: every column, `at` as an ISO instant. */
export interface BufferedAuditEntry {
  entryId: string;
  requestId: string | null;
  at: string;
  subject: string;
  role: string;
  offices: string[];
  method: string;
  route: string;
  journeyId: string | null;
  officeId: string | null;
  /** The person the request was about (`prs_…`); absent in entries buffered before issue 15. */
  personRef?: string | null;
  status: number;
  outcome: 'requested' | 'ok' | 'refused' | 'failed';
}

/**
 * The durable fallback of the audit log: entries PostgreSQL could not take are appended (and synced) to a JSON-lines
 * file of this process, then replayed into `audit_log`. Files are named after the database they belong to and the
 * process that wrote them (`audit-<database>-<pid>-<random>.jsonl`), so processes sharing the folder, or tests with
 * their own databases, never replay each other's entries into the wrong place; a file left by a process that is gone
 * is replayed by the next one on the same database. Replay claims a file by renaming it (new entries go to a fresh
 * file), inserts its entries keyed on their `entryId` (a second replay of the same entry inserts nothing), and removes
 * it only once every entry is in: exactly once, even across a crash in the middle.
 */
export class AuditBuffer {
  private readonly prefix: string;
  private readonly file: string;
  /** Appends and claims of this process, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    databaseUrl: string,
  ) {
    this.prefix = `audit-${databaseKey(databaseUrl)}-`;
    this.file = path.join(dir, `${this.prefix}${process.pid}-${randomBytes(4).toString('hex')}.jsonl`);
  }

  /** Appends one entry and syncs it to disk. */
  append(entry: BufferedAuditEntry): Promise<void> {
    return this.serial(async () => {
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      const handle = await fs.open(this.file, 'a', 0o600);
      try {
        await handle.appendFile(`${JSON.stringify(entry)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
  }

  /**
   * Hands every buffered entry of this database (this process's, and those of processes that are gone) to `insert`, a
   * file at a time; a file is removed once `insert` has taken all of it. Stops at the first failure (the database is
   * still down): what is left is tried again next time. Returns how many entries were handed over.
   */
  async replay(insert: (entries: BufferedAuditEntry[]) => Promise<void>): Promise<number> {
    const claimed = await this.serial(() => this.claim());
    let replayed = 0;
    for (const file of claimed) {
      const entries = parseLines(await fs.readFile(file, 'utf8'));
      if (entries.length > 0) await insert(entries);
      await fs.rm(file, { force: true });
      replayed += entries.length;
    }
    return replayed;
  }

  /** Renames each file to replay to `….replaying` (so nothing is appended to it any more) and lists them. */
  private async claim(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // Files claimed by an earlier replay that did not finish hold older entries than any file still being appended to:
    // they go first, so entries land in the order they were written (a change's `requested` entry before its outcome).
    const earlier: string[] = [];
    const claimed: string[] = [];
    for (const name of names.filter((n) => n.startsWith(this.prefix)).sort()) {
      const file = path.join(this.dir, name);
      if (name.endsWith('.replaying')) {
        if (isOurs(name, this.prefix)) earlier.push(file);
        continue;
      }
      if (!name.endsWith('.jsonl') || !isOurs(name, this.prefix)) continue;
      const target = `${file}.${Date.now().toString(36)}.replaying`;
      await fs.rename(file, target);
      claimed.push(target);
    }
    return [...earlier, ...claimed];
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Whether a file of this database was written by this process or by one that is no longer running. */
function isOurs(name: string, prefix: string): boolean {
  const pid = Number(name.slice(prefix.length).split('-')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Host, port and database of a URL (never its credentials), hashed into a file-name part. */
function databaseKey(url: string): string {
  let key = url;
  try {
    const parsed = new URL(url);
    key = `${parsed.hostname}:${parsed.port}${parsed.pathname}`;
  } catch {
    // not a URL: the hash of the whole string still separates databases
  }
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Entries of a buffer file; a line cut short by a crash while it was written is skipped. */
function parseLines(text: string): BufferedAuditEntry[] {
  const entries: BufferedAuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as BufferedAuditEntry);
    } catch {
      // a torn last line: its request's answer never depended on it
    }
  }
  return entries;
}
