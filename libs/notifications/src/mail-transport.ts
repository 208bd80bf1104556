/** One e-mail as the dispatcher hands it over. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /**
   * `<outbox id@sal-journeys>`: the same for every attempt at the same message, so a copy delivered twice (a crash
   * between the server's acceptance and our commit) can be recognised downstream.
   */
  messageId: string;
}

/** How e-mails leave the system (SMTP in production; tests may substitute their own). */
export interface MailTransport {
  /** Resolves once the server accepted the message, with its reply (`250 OK: queued as …`); rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  /** Releases connections; the transport is not used afterwards. */
  close(): void;
}

/**
 * The server refused the message for good (an unknown mailbox, a rejected sender or message): retrying cannot help, so
 * the message becomes `failed` at once. Any other error is taken as temporary and retried.
 */
export class PermanentDeliveryError extends Error {
  constructor(
    message: string,
    /** The server's reply, when it gave one. */
    readonly smtpResponse: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}
