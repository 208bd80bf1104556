import { PermanentDeliveryError } from './mail-transport';
import { classify } from './smtp-transport';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'smtp error')), fields);

describe('classify (which SMTP failures are worth retrying)', () => {
  it('gives up on a recipient or message the server refused with a 5xx reply, keeping the reply', () => {
    const error = classify(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 mailbox unavailable', command: 'RCPT TO' }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect((error as PermanentDeliveryError).smtpResponse).toBe('550 5.1.1 mailbox unavailable');
    expect(classify(smtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' }))).toBeInstanceOf(PermanentDeliveryError);
    expect(classify(smtpError({ code: 'EENVELOPE', command: 'API', message: 'Invalid recipient' }))).toBeInstanceOf(PermanentDeliveryError);
  });

  it('retries connection failures, timeouts, 4xx replies and refused logins (fixing the configuration fixes them)', () => {
    for (const fields of [
      { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
      { code: 'ETIMEDOUT' },
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO' },
      { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' },
    ]) {
      expect(classify(smtpError(fields))).not.toBeInstanceOf(PermanentDeliveryError);
    }
  });
});
