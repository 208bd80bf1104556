import type { DataSource } from 'typeorm';
import { Dispatcher, redactSmtpUrl, SmtpTransport, type DeliveryAttemptOutcome, type DispatcherLog, type NotificationSettings } from '@sal/notifications';

export interface DispatcherHooks {
  log?: DispatcherLog & { info(message: string): void };
  /** Records each delivery attempt (the worker's metrics). */
  metrics?: { onAttempt(attempt: DeliveryAttemptOutcome): void };
}

export interface RunningDispatcher {
  /** Lets the messages in hand finish, then closes the SMTP transport. */
  stop(): Promise<void>;
}

/**
 * Starts the notification dispatcher of this worker process, unless `NOTIFICATIONS_DISPATCHER=off` or no SMTP server is
 * configured: then notices wait in the outbox until a process that sends runs.
 */
export function startNotificationDispatcher(dataSource: DataSource, settings: NotificationSettings, hooks: DispatcherHooks = {}): RunningDispatcher {
  const log = hooks.log ?? { info: (m: string) => console.log(`notifications: ${m}`), warn: (m: string) => console.warn(`notifications: ${m}`) };
  if (!settings.dispatcher.enabled) {
    log.info('dispatcher off (NOTIFICATIONS_DISPATCHER=off)');
    return { stop: async () => undefined };
  }
  if (settings.smtp === null) {
    log.warn('SMTP_URL is not set, so nothing is sent; notices wait in the outbox');
    return { stop: async () => undefined };
  }
  const transport = new SmtpTransport(settings.smtp);
  const dispatcher = new Dispatcher({ dataSource, transport, mailFrom: settings.mailFrom, tuning: settings.dispatcher, log, onAttempt: hooks.metrics?.onAttempt });
  dispatcher.start();
  log.info(`dispatcher sending through ${redactSmtpUrl(settings.smtp.url)}`);
  return {
    async stop() {
      await dispatcher.stop();
      transport.close();
      log.info('dispatcher stopped');
    },
  };
}
