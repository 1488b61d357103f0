/**
 * Seeded random request bodies for the fuzz tests of both APIs: a failure is reproducible from
 * its seed. Test-only.
 */

/** mulberry32: a tiny deterministic PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  'email_address', 'password', 'username', 'first_name', 'last_name', 'legal_accepted', 'redirect_url', 'identifier', 'strategy', 'code',
  'email_address_id', 'active_organization_id', 'id', '__proto__', 'constructor', 'private_metadata', 'public_metadata', 'unsafe_metadata',
  'sign_out_of_other_sessions', 'token', 'params', 'action_complete_redirect_url',
];
const STRINGS = [
  '', ' ', 'a@example.com', 'A@EXAMPLE.COM ', 'password', 'email_code', '123456', '//evil.com', '/ok', 'javascript:alert(1)', 'null', '0',
  '\u0000', '\r\n', '😀'.repeat(300), 'x'.repeat(2000), 'ﬁ', 'user_00000000000000000000000000000000000', '<script>', "' OR 1=1 --",
  'email_link', 'sua_000000000000000000000000000000000000.x', 'idn_000000000000000000000000000000000000.', 'sia_.', '.x', 'http://localhost:3000/sign-up/verify',
  'oauth_google', 'oauth_', 'oauth_UPPER', 'code=x&state=oat_000000000000000000000000000000000000.x', 'state=.&code=', 'error=access_denied&state=x',
];

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER][Math.floor(next() * 5)];
    case 3:
    case 4:
    case 5:
      return STRINGS[Math.floor(next() * STRINGS.length)];
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default:
      return randomObject(next, depth + 1);
  }
}

function randomObject(next: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) out[FIELDS[Math.floor(next() * FIELDS.length)] ?? 'x'] = randomValue(next, depth);
  return out;
}

export function randomBody(next: () => number): string {
  const roll = next();
  if (roll < 0.7) return JSON.stringify(randomObject(next, 0));
  if (roll < 0.85) return JSON.stringify(randomValue(next, 0));
  // Broken JSON: a valid document cut short, or noise.
  const text = JSON.stringify(randomObject(next, 0));
  return roll < 0.95 ? text.slice(0, Math.floor(next() * text.length)) : '\u0000{{]]';
}
