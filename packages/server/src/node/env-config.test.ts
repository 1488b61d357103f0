import { describe, expect, it } from 'vitest';
import { developmentSettings, productionSettings, UnsafeConfigError, withBoundPort } from './env-config.ts';

const safe = {
  DATABASE_URL: 'postgres://usher@db/usher',
  USHER_PUBLIC_URL: 'https://app.example.com/__usher',
  USHER_ALLOWED_ORIGINS: 'https://app.example.com',
  SMTP_URL: 'smtps://user:pass@smtp.example.com:465',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    productionSettings(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(UnsafeConfigError);
    return (error as UnsafeConfigError).problems;
  }
}

describe('usher start settings', () => {
  it('given a complete https configuration, starts with secure cookies and the app origin allowed', () => {
    const settings = productionSettings(safe);
    expect(settings.server).toMatchObject({
      environment: 'production',
      publicUrl: 'https://app.example.com/__usher',
      secureCookies: true,
      allowedOrigins: ['https://app.example.com'],
    });
    expect(settings.smtpUrl).toBe(safe.SMTP_URL);
  });

  it('given nothing, lists every missing setting at once', () => {
    const problems = problemsOf({});
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/USHER_PUBLIC_URL/);
    expect(problems.join('\n')).toMatch(/USHER_ALLOWED_ORIGINS/);
    expect(problems.join('\n')).toMatch(/SMTP_URL/);
  });

  it('refuses a plain-http public URL outside localhost', () => {
    expect(problemsOf({ ...safe, USHER_PUBLIC_URL: 'http://app.example.com' }).join()).toMatch(/must use https/);
  });

  it('accepts plain http on localhost (a local production rehearsal)', () => {
    expect(productionSettings({ ...safe, USHER_PUBLIC_URL: 'http://localhost:4000', USHER_ALLOWED_ORIGINS: 'http://localhost:3000' }).server.secureCookies).toBe(false);
  });

  it('refuses a wildcard origin and origins with paths', () => {
    expect(problemsOf({ ...safe, USHER_ALLOWED_ORIGINS: '*' }).join()).toMatch(/may not be "\*"/);
    expect(problemsOf({ ...safe, USHER_ALLOWED_ORIGINS: 'https://app.example.com/path' }).join()).toMatch(/bare origins/);
  });

  it('refuses to switch rate limits off in production', () => {
    expect(problemsOf({ ...safe, USHER_RATE_LIMITS: 'off' }).join()).toMatch(/development only/);
  });

  it('reads USHER_BREACH_RANGE_URL (none: the offline list only) and refuses one that is not a URL', () => {
    expect(productionSettings(safe).breachRangeUrl).toBeNull();
    expect(productionSettings({ ...safe, USHER_BREACH_RANGE_URL: 'https://api.pwnedpasswords.com/range' }).breachRangeUrl).toBe('https://api.pwnedpasswords.com/range');
    expect(problemsOf({ ...safe, USHER_BREACH_RANGE_URL: 'nope' })).toEqual([expect.stringContaining('USHER_BREACH_RANGE_URL')]);
  });

  it('reads Twilio settings, all or none, and names what is missing', () => {
    expect(productionSettings(safe).twilio).toBeNull();
    expect(productionSettings({ ...safe, TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'tok', TWILIO_FROM: '+15005550006' }).twilio).toEqual({ accountSid: 'AC1', authToken: 'tok', from: '+15005550006' });
    expect(problemsOf({ ...safe, TWILIO_ACCOUNT_SID: 'AC1' })).toEqual(expect.arrayContaining([expect.stringContaining('TWILIO_AUTH_TOKEN'), expect.stringContaining('TWILIO_FROM')]));
    expect(problemsOf({ ...safe, TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'tok', TWILIO_MESSAGING_SERVICE_SID: 'MG1', TWILIO_API_URL: 'not a url' })).toEqual([expect.stringContaining('TWILIO_API_URL')]);
  });

  it('refuses a malformed port', () => {
    expect(problemsOf({ ...safe, PORT: 'eighty' }).join()).toMatch(/PORT/);
  });
});

describe('usher dev settings', () => {
  it('defaults to SQLite under the data directory, port 4000 and the playground origin', () => {
    const settings = developmentSettings({}, '/tmp/x/.usher');
    expect(settings.databaseUrl).toBe('/tmp/x/.usher/usher.db');
    expect(settings.port).toBe(4000);
    expect(settings.server.environment).toBe('development');
    expect(settings.server.allowedOrigins).toContain('http://localhost:5173');
    expect(settings.server.secureCookies).toBe(false);
    expect(settings.rateLimitsOff).toBe(false);
  });

  it('lets an automated test suite switch rate limits off, and rejects anything but on/off', () => {
    expect(developmentSettings({ USHER_RATE_LIMITS: 'off' }, '/tmp/x').rateLimitsOff).toBe(true);
    expect(() => developmentSettings({ USHER_RATE_LIMITS: 'maybe' }, '/tmp/x')).toThrow(/on" or "off/);
  });
});

describe('PORT=0 (any free port)', () => {
  it('once bound, the dev public URL and its allowed origin carry the real port; other origins are untouched', () => {
    const config = withBoundPort(developmentSettings({ PORT: '0' }, '/tmp/x/.usher').server, 53124);
    expect(config.publicUrl).toBe('http://localhost:53124');
    expect(config.allowedOrigins).toEqual(['http://localhost:53124', 'http://localhost:5173']);
  });

  it('an explicit public URL keeps its own port', () => {
    const config = withBoundPort(developmentSettings({ PORT: '0', USHER_PUBLIC_URL: 'http://localhost:4000/__usher' }, '/tmp/x/.usher').server, 53124);
    expect(config.publicUrl).toBe('http://localhost:4000/__usher');
  });
});
