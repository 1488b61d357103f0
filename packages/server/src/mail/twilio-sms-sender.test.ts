import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTwilioSmsSender } from './twilio-sms-sender.ts';

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A local stand-in for Twilio's Messages API: records requests, answers what the test scripts. */
async function fakeTwilio(answer: (request: Received) => { status: number; body: unknown } | null) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], form: new URLSearchParams(text) };
      received.push(request);
      const reply = answer(request);
      if (!reply) return; // never answers
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('createTwilioSmsSender', () => {
  it('POSTs the message form-encoded with Basic auth to the account’s Messages resource', async () => {
    const twilio = await fakeTwilio(() => ({ status: 201, body: { sid: 'SM123', status: 'queued' } }));
    const sender = createTwilioSmsSender({ accountSid: 'AC123', authToken: 'secret', from: '+15005550006', apiUrl: twilio.url });
    await sender.send({ to: '+15555550100', body: '123456 is your code' });
    const [request] = twilio.received;
    expect(request).toMatchObject({ method: 'POST', url: '/2010-04-01/Accounts/AC123/Messages.json', contentType: 'application/x-www-form-urlencoded' });
    expect(request!.authorization).toBe(`Basic ${Buffer.from('AC123:secret').toString('base64')}`);
    expect(Object.fromEntries(request!.form)).toEqual({ To: '+15555550100', Body: '123456 is your code', From: '+15005550006' });
  });

  it('uses a Messaging Service SID instead of From when given', async () => {
    const twilio = await fakeTwilio(() => ({ status: 201, body: {} }));
    await createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', messagingServiceSid: 'MG9', apiUrl: twilio.url }).send({ to: '+447700900123', body: 'hi' });
    expect(Object.fromEntries(twilio.received[0]!.form)).toEqual({ To: '+447700900123', Body: 'hi', MessagingServiceSid: 'MG9' });
  });

  it('throws on a refusal with the status and Twilio’s code, never the number it quotes', async () => {
    const twilio = await fakeTwilio(() => ({ status: 400, body: { code: 21211, message: "The 'To' number +15555550100 is not a valid phone number." } }));
    const error = await createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', from: '+15005550006', apiUrl: twilio.url }).send({ to: '+15555550100', body: 'x' }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The SMS provider answered HTTP 400 (Twilio error 21211).');
    expect((error as Error).message).not.toContain('5555550100');
  });

  it('gives up on a provider that does not answer, so the outbox retries', async () => {
    const twilio = await fakeTwilio(() => null);
    const sender = createTwilioSmsSender({ accountSid: 'AC1', authToken: 't', from: '+15005550006', apiUrl: twilio.url, timeoutMs: 150 });
    await expect(sender.send({ to: '+15555550100', body: 'x' })).rejects.toThrow(/timeout|abort/i);
  });

  it('needs a sender', () => {
    expect(() => createTwilioSmsSender({ accountSid: 'AC1', authToken: 't' })).toThrow(TypeError);
  });
});
