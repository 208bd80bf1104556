import { createTransport } from 'nodemailer';
import { isPortFree } from './ports';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

describe('startSmtpSink', () => {
  const running = new Set<SmtpSink>();
  afterEach(async () => {
    await Promise.all([...running].map((s) => s.stop()));
    running.clear();
  });

  async function start(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
    const sink = await startSmtpSink(options);
    running.add(sink);
    return sink;
  }

  function send(port: number, extra: { auth?: { user: string; pass: string } } = {}) {
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ...extra });
    return transport.sendMail({
      from: '"Servizi al Lavoro" <noreply@sal.invalid>',
      to: 'mario.rossi@example.org',
      subject: "Promemoria: scadenza dell'azione «Laboratorio» il 15/12/2026",
      text: 'Gentile Mario Rossi,\n\nLe ricordiamo che l’azione è in scadenza.\n',
      messageId: '<0b6c9f0e-1d4f-4a53-9a57-3d1b8c2e7f10@sal-journeys>',
    });
  }

  it('receives a message sent with nodemailer and shows it, decoded, over HTTP', async () => {
    const sink = await start({ httpPort: 0 });
    const info = await send(sink.smtpPort);
    expect(info.response).toMatch(/^250/);

    const expected = {
      messageId: '<0b6c9f0e-1d4f-4a53-9a57-3d1b8c2e7f10@sal-journeys>',
      from: '"Servizi al Lavoro" <noreply@sal.invalid>',
      to: ['mario.rossi@example.org'],
      subject: "Promemoria: scadenza dell'azione «Laboratorio» il 15/12/2026",
      text: 'Gentile Mario Rossi,\n\nLe ricordiamo che l’azione è in scadenza.\n',
    };
    expect(sink.messages()).toEqual([expect.objectContaining(expected)]);

    const listed = await fetch(`${sink.httpUrl}/messages`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([expect.objectContaining(expected)]);

    expect((await fetch(`${sink.httpUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(sink.messages()).toEqual([]);
    expect(await (await fetch(`${sink.httpUrl}/messages`)).json()).toEqual([]);
  });

  it('accepts a client that logs in, without TLS', async () => {
    const sink = await start();
    await send(sink.smtpPort, { auth: { user: 'sal', pass: 'secret' } });
    expect(sink.messages()).toHaveLength(1);
  });

  it('keeps only the newest messages', async () => {
    const sink = await start({ maxMessages: 2 });
    for (let i = 0; i < 3; i++) await send(sink.smtpPort);
    expect(sink.messages()).toHaveLength(2);
  });

  it('frees its ports on stop, so it can start again on the same ones', async () => {
    const first = await start({ httpPort: 0 });
    const smtpPort = first.smtpPort;
    const httpPort = Number(new URL(first.httpUrl!).port);
    await send(smtpPort);
    await first.stop();
    running.delete(first);
    expect(await isPortFree(smtpPort)).toBe(true);
    expect(await isPortFree(httpPort)).toBe(true);

    const again = await start({ smtpPort, httpPort });
    await send(again.smtpPort);
    expect(again.smtpPort).toBe(smtpPort);
    expect(again.messages()).toHaveLength(1);
  });

  it('says which port is taken', async () => {
    const sink = await start();
    await expect(startSmtpSink({ smtpPort: sink.smtpPort })).rejects.toThrow(new RegExp(`port ${sink.smtpPort} \\(already in use\\)`));
  });
});
