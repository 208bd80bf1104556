import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink received, as `GET /messages` shows it. */
export interface SinkMessage {
  /** The sink's own id. */
  id: string;
  /** The Message-ID header, angle brackets included. */
  messageId: string | null;
  /** The From header as written (`"Servizi al Lavoro" <noreply@sal.invalid>`), or the envelope sender. */
  from: string | null;
  /** The envelope recipients: who the message was really delivered to. */
  to: string[];
  subject: string;
  text: string;
  /** ISO-8601 */
  receivedAt: string;
}

export interface SmtpSinkOptions {
  /** Interface of both servers; `127.0.0.1` by default. Nothing is authenticated or encrypted: keep it local. */
  host?: string;
  /** 0 (the default): a free port, see `smtpPort` of the result. */
  smtpPort?: number;
  /** Port of the HTTP view; 0: a free port; false: no HTTP view. Default false. */
  httpPort?: number | false;
  /** How many messages are kept, oldest dropped first; default 500. */
  maxMessages?: number;
}

export interface SmtpSink {
  smtpPort: number;
  /** `http://127.0.0.1:8025`, or null without an HTTP view. */
  httpUrl: string | null;
  /** The messages received, oldest first. */
  messages(): SinkMessage[];
  clear(): void;
  /** Closes both servers and frees their ports. */
  stop(): Promise<void>;
}

/** Larger messages are refused: ours are a few kilobytes of text. */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * An SMTP server that accepts every message and keeps it in memory, with an HTTP view: `GET /messages` lists them as
 * JSON, `DELETE /messages` forgets them. For `npm start` (notifications go somewhere you can look at) and for tests.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? 500;
  let received: SinkMessage[] = [];

  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    // Accept any credentials: a client configured with a user and password must work against the sink too.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'sink' }),
    size: MAX_MESSAGE_BYTES,
    disableReverseLookup: true,
    logger: false,
    banner: 'SAL mail sink',
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
            return;
          }
          received.push({
            id: randomUUID(),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : null),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            receivedAt: new Date().toISOString(),
          });
          if (received.length > maxMessages) received = received.slice(received.length - maxMessages);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const smtpPort = await listen(
    (port, onListening) => smtp.listen(port, host, onListening),
    (onError) => smtp.once('error', onError),
    () => smtp.server.address() as AddressInfo,
    options.smtpPort ?? 0,
    'SMTP',
  );
  // Errors after start-up (a client misbehaving) must not crash the process that hosts the sink.
  smtp.on('error', () => undefined);

  let web: http.Server | null = null;
  let httpUrl: string | null = null;
  if (options.httpPort !== undefined && options.httpPort !== false) {
    const server = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/messages' && req.method === 'GET') return reply(res, 200, received);
      if (path === '/messages' && req.method === 'DELETE') {
        received = [];
        res.writeHead(204).end();
        return;
      }
      return reply(res, 404, { error: 'only GET and DELETE /messages' });
    });
    try {
      const port = await listen(
        (p, onListening) => server.listen(p, host, onListening),
        (onError) => server.once('error', onError),
        () => server.address() as AddressInfo,
        options.httpPort,
        'HTTP',
      );
      web = server;
      httpUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    } catch (error) {
      await new Promise<void>((resolve) => smtp.close(resolve));
      throw error;
    }
  }

  return {
    smtpPort,
    httpUrl,
    messages: () => received.map((m) => ({ ...m, to: [...m.to] })),
    clear: () => {
      received = [];
    },
    async stop() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(resolve)),
        web
          ? new Promise<void>((resolve) => {
              web!.close(() => resolve());
              web!.closeAllConnections();
            })
          : Promise.resolve(),
      ]);
    },
  };
}

/** Binds a server; a port in use is an error that names it. */
function listen(
  start: (port: number, onListening: () => void) => void,
  onError: (handler: (error: Error) => void) => void,
  address: () => AddressInfo,
  port: number,
  what: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    onError((error) => {
      const code = (error as NodeJS.ErrnoException).code;
      reject(new Error(`mail sink: cannot listen for ${what} on port ${port}${code === 'EADDRINUSE' ? ' (already in use)' : ''}: ${error.message}`));
    });
    start(port, () => resolve(address().port));
  });
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
