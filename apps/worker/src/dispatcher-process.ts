import type { DataSource } from 'typeorm';
import { Dispatcher, redactSmtpUrl, SmtpTransport, type NotificationSettings } from '@sal/notifications';

export interface RunningDispatcher {
  /** Lets the messages in hand finish, then closes the SMTP transport. */
  stop(): Promise<void>;
}

/**
 * Starts the notification dispatcher of this worker process, unless `NOTIFICATIONS_DISPATCHER=off` or no SMTP server is
 * configured: then notices wait in the outbox until a process that sends runs.
 */
export function startNotificationDispatcher(dataSource: DataSource, settings: NotificationSettings): RunningDispatcher {
  if (!settings.dispatcher.enabled) {
    console.log('notifications: dispatcher off (NOTIFICATIONS_DISPATCHER=off)');
    return { stop: async () => undefined };
  }
  if (settings.smtp === null) {
    console.warn('notifications: SMTP_URL is not set, so nothing is sent; notices wait in the outbox');
    return { stop: async () => undefined };
  }
  const transport = new SmtpTransport(settings.smtp);
  const dispatcher = new Dispatcher({ dataSource, transport, mailFrom: settings.mailFrom, tuning: settings.dispatcher });
  dispatcher.start();
  console.log(`notifications: dispatcher sending through ${redactSmtpUrl(settings.smtp.url)}`);
  return {
    async stop() {
      await dispatcher.stop();
      transport.close();
      console.log('notifications: dispatcher stopped');
    },
  };
}
