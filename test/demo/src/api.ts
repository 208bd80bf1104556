/**
 * The demo's HTTP client: JSON over fetch with a bearer token, an `Idempotency-Key` on commands, and patience: a 429
 * (the API's per-address rate limit, `API_RATE_LIMIT_PER_MINUTE`) waits for its `Retry-After`, a 503 or a dropped
 * connection is retried with the same key and body, which the API applies once.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
}

export class DemoApi {
  /** Requests sent (retries included) and how many a 429 made wait. */
  readonly stats = { requests: 0, rateLimited: 0, retried: 0 };

  constructor(
    readonly baseUrl: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** `body` is sent as JSON; `file` as it is, with its type (an upload such as `POST /imports`). */
  async call<T = any>(method: string, path: string, options: { token?: string; body?: unknown; file?: { content: string; type: string }; idempotencyKey?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.file) headers['content-type'] = options.file.type;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const payload = options.file ? options.file.content : options.body === undefined ? undefined : JSON.stringify(options.body);
    for (let attempt = 1; ; attempt++) {
      this.stats.requests++;
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(120_000) });
      } catch (error) {
        if (attempt >= 8) throw new Error(`${method} ${path.split('?')[0]} failed: ${(error as Error).message}`, { cause: error });
        this.stats.retried++;
        await sleep(500 * attempt);
        continue;
      }
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      if (response.status === 429) {
        this.stats.rateLimited++;
        const seconds = Number(response.headers.get('retry-after')) || 2;
        if (this.stats.rateLimited % 20 === 1) this.log(`  (rate limited by the API: waiting ${seconds}s; API_RATE_LIMIT_PER_MINUTE sets the limit)`);
        await sleep(seconds * 1000);
        attempt--;
        continue;
      }
      if ((response.status === 503 || response.status === 502) && attempt < 8) {
        this.stats.retried++;
        await sleep(1000 * attempt);
        continue;
      }
      return { status: response.status, body: body as T };
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error code of an answer (`{ error: { code } }`), if any. */
export function codeOf(answer: Answer): string | undefined {
  return (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
}

/** A short description of a refused answer, for the demo's report. */
export function describe(answer: Answer): string {
  const error = (answer.body as { error?: { code?: string; message?: string; fields?: { field: string; message: string }[] } } | undefined)?.error;
  if (!error) return `HTTP ${answer.status}`;
  const fields = error.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
  return `${answer.status} ${error.code ?? ''} ${fields ? `(${fields})` : (error.message ?? '')}`.trim();
}
