import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import { killOnExit, stopChild } from '@sal/infra';

export interface NodeChildOptions {
  /** For messages and the log file name. */
  name: string;
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** The child's stdout and stderr are appended here (kept after the run, for post-mortems). */
  logFile: string;
  execArgv?: string[];
  /** An IPC channel, for bench processes that answer requests. Product processes get none, as in production. */
  ipc?: boolean;
}

/** A Node process of the product (API, worker) or of the bench (baseline worker), each in its own process. */
export class NodeChild {
  private readonly tail: string[] = [];
  private readonly messages: { type: string }[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: { type: string }) => {
      this.messages.push(message);
      this.wake();
    });
    child.once('exit', () => this.wake());
  }

  static start(o: NodeChildOptions): NodeChild {
    const log = fs.openSync(o.logFile, 'a');
    // Own process group: a Ctrl-C reaches only the bench, which then stops everything in order.
    const child = o.ipc
      ? fork(o.script, o.args ?? [], { env: o.env, execArgv: o.execArgv ?? [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true })
      : spawn(process.execPath, [...(o.execArgv ?? []), o.script, ...(o.args ?? [])], { env: o.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // Even an abrupt exit of the bench does not leave it running (signal only: nothing can be awaited then).
    killOnExit(child, 'SIGKILL');
    const self = new NodeChild(o.name, child);
    const keep = (chunk: Buffer): void => {
      fs.writeSync(log, chunk);
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) self.tail.push(line);
      if (self.tail.length > 200) self.tail.splice(0, self.tail.length - 200);
      self.wake();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => fs.closeSync(log));
    return self;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines of output, for error messages. */
  output(): string {
    return this.tail.join('\n');
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves when `ready` holds; rejects if the child exits first or after `timeoutMs`. */
  private waitUntil<T>(ready: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${this.name}: timed out after ${timeoutMs} ms waiting for ${what}\n${this.output()}`)), timeoutMs);
      const check = (): void => {
        const value = ready();
        if (value !== undefined) finish(undefined, value);
        else if (!this.running) finish(new Error(`${this.name} exited while we waited for ${what}\n${this.output()}`));
      };
      const finish = (error?: Error, value?: T): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.waiters.add(check);
      check();
    });
  }

  waitForLine(pattern: RegExp, timeoutMs = 180_000): Promise<string> {
    return this.waitUntil(() => this.tail.find((line) => pattern.test(line)), `output matching ${pattern}`, timeoutMs);
  }

  /** Waits for (and consumes) the next IPC message of `type`. */
  waitForMessage<T extends { type: string }>(type: string, timeoutMs = 180_000): Promise<T> {
    return this.waitUntil(
      () => {
        const index = this.messages.findIndex((m) => m.type === type);
        return index < 0 ? undefined : (this.messages.splice(index, 1)[0] as T);
      },
      `message "${type}"`,
      timeoutMs,
    );
  }

  /** Sends an IPC request and waits for the reply of type `replyType`. */
  async request<T extends { type: string }>(message: { type: string }, replyType: string, timeoutMs = 60_000): Promise<T> {
    this.child.send(message);
    return this.waitForMessage<T>(replyType, timeoutMs);
  }

  /** SIGTERM (the product's graceful stop), then SIGKILL after `graceMs`. Safe to call twice. */
  async stop(graceMs = 30_000): Promise<void> {
    await stopChild(this.child, { signal: 'SIGTERM', graceMs });
  }
}
