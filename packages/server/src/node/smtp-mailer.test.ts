import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { SmtpMailer } from './smtp-mailer.ts';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

async function startCapture(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('SmtpMailer', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('delivers text and HTML to a real SMTP server', async () => {
    const capture = await startCapture();
    close = capture.close;
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${capture.port}?ignoreTLS=true`, 'Usher <no-reply@example.com>');
    await mailer.send({ to: 'ada@example.com', subject: 'Your code', text: 'Code: 123456', html: '<p>Code: <b>123456</b></p>' });
    mailer.close();
    expect(capture.received).toHaveLength(1);
    expect(capture.received[0]!.from).toBe('no-reply@example.com');
    expect(capture.received[0]!.to).toEqual(['ada@example.com']);
    expect(capture.received[0]!.raw).toContain('Subject: Your code');
    expect(capture.received[0]!.raw).toContain('Code: 123456');
  });

  it('throws when the server cannot be reached, so the outbox retries', async () => {
    const capture = await startCapture();
    await capture.close();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${capture.port}?ignoreTLS=true&connectionTimeout=2000`, 'no-reply@example.com');
    await expect(mailer.send({ to: 'a@example.com', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
    mailer.close();
  });
});
