import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** What the figures were measured on. Without it a figure means nothing. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  platform: string;
  temporalSdk: string;
  /** `temporal --version` of the CLI that ran the dev server (absent on a configured server). */
  temporalCli?: string;
  /** What the frontend reports (GetSystemInfo). */
  temporalServer?: string;
  postgres?: string;
  /** Filesystem of the folder holding the Temporal SQLite file and the PostgreSQL cluster. */
  dataFilesystem?: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    temporalSdk: sdkVersion(),
    loadAverageAtStart: loadAverage(),
  };
}

/** The 1, 5 and 15 minute load averages, rounded: the machine is shared, so every figure is read against them. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

function sdkVersion(): string {
  try {
    return (require('@temporalio/worker/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function temporalCliVersion(cliPath: string): string {
  try {
    return execFileSync(cliPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}

export function filesystemOf(dir: string): string | undefined {
  for (const [command, args] of [
    ['findmnt', ['-n', '-o', 'FSTYPE', '-T', dir]],
    ['stat', ['-f', '-c', '%T', dir]],
  ] as const) {
    try {
      const type = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (type) return type;
    } catch {
      // try the next way
    }
  }
  return undefined;
}

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: children that exited (PostgreSQL backends of closed pool connections).
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by `rootPid` and its descendants, live or exited (PostgreSQL runs one process per
 * connection). Linux only; undefined elsewhere.
 */
export function cpuSecondsOfTree(rootPid: number): number | undefined {
  if (!fs.existsSync('/proc/self/stat')) return undefined;
  const children = new Map<number, number[]>();
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    stats.set(pid, stat);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  if (!stats.has(rootPid)) return undefined;
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.cpuTicks ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds per named process over an interval: which part of the stack a scenario really loads. Sampled every
 * second, per pid, so a worker restarted in between (the footprint probes) is counted for the time it lived.
 */
export class CpuMeter {
  /** name → pid → [first reading, last reading] */
  private readonly seen = new Map<string, Map<number, [number, number]>>();
  private readonly selfStart = process.cpuUsage();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: () => Record<string, number | undefined>) {
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), 1_000);
    this.timer.unref();
  }

  private sample(atStart: boolean): void {
    for (const [name, pid] of Object.entries(this.pids())) {
      if (pid === undefined) continue;
      const seconds = cpuSecondsOfTree(pid);
      if (seconds === undefined) continue;
      const byPid = this.seen.get(name) ?? new Map<number, [number, number]>();
      this.seen.set(name, byPid);
      const known = byPid.get(pid);
      // A process first seen after the start ran entirely inside the interval.
      byPid.set(pid, [known?.[0] ?? (atStart ? seconds : 0), seconds]);
    }
  }

  /** Stops sampling; CPU seconds used by each process since the meter was created. */
  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample(false);
    const out: Record<string, number> = {};
    for (const [name, byPid] of this.seen) {
      let total = 0;
      for (const [first, last] of byPid.values()) total += last - first;
      out[name] = Math.round(total * 10) / 10;
    }
    const self = process.cpuUsage(this.selfStart);
    out['bench (load generator)'] = Math.round(((self.user + self.system) / 1e6) * 10) / 10;
    return out;
  }
}
