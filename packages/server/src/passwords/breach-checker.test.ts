import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../deps.ts';
import { createOfflineBreachChecker, createRangeBreachChecker, sha1Hex } from './breach-checker.ts';

describe('createOfflineBreachChecker (the default, no network)', () => {
  it('knows the common breached passwords, case-insensitively, and not a passphrase', async () => {
    const checker = createOfflineBreachChecker();
    expect(await checker.isBreached('password1')).toBe(true);
    expect(await checker.isBreached('Dragon')).toBe(true);
    expect(await checker.isBreached('iloveyou')).toBe(true);
    expect(await checker.isBreached('correct horse battery staple')).toBe(false);
  });
});

/** A local stand-in for a range API (the Have I Been Pwned format), recording what it was asked. */
async function rangeService(answer: (prefix: string) => { status?: number; body?: string; delayMs?: number }) {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const { status = 200, body = '', delayMs = 0 } = answer((req.url ?? '').split('/').pop() ?? '');
    setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(body), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/range`, requests };
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((resolve) => {
          s.closeAllConnections();
          s.close(resolve);
        }),
    ),
  );
});

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, info: log, warn: log, error: log };
}

describe('createRangeBreachChecker (k-anonymity)', () => {
  const password = 'hunter2 but longer';

  it('sends only the first 5 hex characters of the SHA-1, asks for padding, and matches the suffix locally', async () => {
    const hash = await sha1Hex(password);
    const service = await rangeService(() => ({ body: `0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n${hash.slice(5)}:3303003\r\nFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0\r\n` }));
    const checker = createRangeBreachChecker({ endpoint: service.endpoint });
    expect(await checker.isBreached(password)).toBe(true);
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]!.url).toBe(`/range/${hash.slice(0, 5)}`);
    expect(service.requests[0]!.url).not.toContain(hash.slice(5, 10));
    expect(service.requests[0]!.headers['add-padding']).toBe('true');
  });

  it('answers false when the suffix is absent or only a padding line (count 0)', async () => {
    const hash = await sha1Hex(password);
    const service = await rangeService(() => ({ body: `${hash.slice(5)}:0\n0018A45C4D1DEF81644B54AB7F969B88D65:12\n` }));
    expect(await createRangeBreachChecker({ endpoint: service.endpoint }).isBreached(password)).toBe(false);
  });

  it('fails open on a timeout, logs without the password or its hash, and asks the fallback', async () => {
    const service = await rangeService(() => ({ body: '', delayMs: 1000 }));
    const logger = recordingLogger();
    const noFallback = createRangeBreachChecker({ endpoint: service.endpoint, timeoutMs: 50, logger });
    expect(await noFallback.isBreached(password)).toBeNull();
    const withFallback = createRangeBreachChecker({ endpoint: service.endpoint, timeoutMs: 50, logger, fallback: createOfflineBreachChecker() });
    expect(await withFallback.isBreached('password1')).toBe(true);
    expect(logger.lines.length).toBe(2);
    const hash = await sha1Hex(password);
    for (const line of logger.lines) {
      expect(line).toMatch(/breached-password check unavailable/);
      expect(line).not.toContain(password);
      expect(line).not.toContain(hash.slice(0, 5));
    }
  });

  it('fails open when the service answers an error status or cannot be reached', async () => {
    const down = await rangeService(() => ({ status: 503 }));
    expect(await createRangeBreachChecker({ endpoint: down.endpoint }).isBreached(password)).toBeNull();
    expect(await createRangeBreachChecker({ endpoint: 'http://127.0.0.1:9/range' }).isBreached(password)).toBeNull();
  });
});
