import { createTransport, type Transporter } from 'nodemailer';
import { PermanentDeliveryError, type MailTransport, type OutgoingMail } from './mail-transport';
import type { SmtpSettings } from './settings';

/** The parts of a nodemailer error that say what went wrong. */
interface SmtpError {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

/**
 * Sends through an SMTP server (nodemailer), one connection per message: a server that restarts between two messages
 * costs nothing, and a message never waits behind a stuck pooled connection. `smtp://` upgrades with STARTTLS when the
 * server offers it; `smtps://` is TLS from the start.
 */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings) {
    this.transporter = createTransport({
      url: settings.url,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(mail: OutgoingMail): Promise<{ response: string }> {
    try {
      const info = await this.transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        // Our messages are plain text we wrote: nothing to fetch, nothing to read from disk.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { response: String(info.response ?? '') };
    } catch (error) {
      throw classify(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * A refusal of the sender, a recipient or the message with a 5xx reply (or an address nodemailer cannot use) is
 * permanent; connection, timeout, authentication and 4xx errors are worth retrying.
 */
export function classify(error: unknown): Error {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const refused = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  const permanentReply = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  if (refused && (permanentReply || e.command === 'API')) {
    return new PermanentDeliveryError(e.message ?? String(error), e.response ?? null, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
