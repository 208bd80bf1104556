import http from 'node:http';

export interface JsonAnswer<T> {
  status: number;
  body: T;
}

/**
 * A minimal keep-alive JSON client over node:http. The load generator shares two cores with everything it measures,
 * so it should cost as little CPU per request as possible (fetch/undici costs noticeably more per call).
 */
export class JsonHttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  /** The bearer token sent when a request names none (the API authenticates every call but /health). */
  token: string | undefined;
  /**
   * Says what the server process was doing when a request failed below HTTP (reset, refused): whether it still runs
   * and its last output, so a failure names its cause instead of a bare ECONNRESET.
   */
  describeServer: (() => string) | undefined;

  constructor(baseUrl: string, maxSockets: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, token: string | undefined = this.token): Promise<JsonAnswer<T>> {
    try {
      try {
        return await this.send<T>(method, path, body, token);
      } catch (error) {
        // A kept-alive socket the server closed while idle fails at once, before the request reached the app: Node's
        // documented remedy is to retry once on a fresh socket.
        if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
          return await this.send<T>(method, path, body, token);
        }
        throw error;
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
      const server = this.describeServer ? `; ${this.describeServer()}` : '';
      throw new Error(`${method} ${path.split('?')[0]} failed: ${e.code ?? e.message} on a ${e.reusedSocket ? 'reused' : 'fresh'} socket${server}`, { cause: error });
    }
  }

  private send<T>(method: string, path: string, body: unknown, token: string | undefined): Promise<JsonAnswer<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {};
    if (token) headers.authorization = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers,
          timeout: 120_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
            } catch {
              resolve({ status: res.statusCode ?? 0, body: text as T });
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
