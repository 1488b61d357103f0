import { defaultRateLimits, type RateLimitConfig, type RateLimitName, type RateLimitSetting } from '../config/rate-limits.ts';
import { isWellFormedId, type IdPrefix } from '../crypto/ids.ts';
import type { RateLimitRule } from '../deps.ts';

/** One budget a request spends from. */
export interface RateLimitCheck {
  name: RateLimitName;
  key: string;
  rule: RateLimitRule;
}

export interface LimitedRequest {
  method: string;
  /** The decoded path, as routes match it. */
  path: string;
  /** The parsed JSON body (undefined for none). */
  body: unknown;
  /** The client's bucket: IPv4 address, IPv6 /64, or `unknown`. */
  client: string;
}

const SIGN_IN_STEP = /^\/v1\/client\/sign_ins\/([^/]+)\/(prepare_first_factor|attempt_first_factor|prepare_second_factor|attempt_second_factor)$/;
const SIGN_UP_STEP = /^\/v1\/client\/sign_ups\/([^/]+)\/(prepare_verification|attempt_verification)$/;
const REVERIFY_STEP = /^\/v1\/client\/sessions\/([^/]+)\/verify\/(prepare_first_factor|attempt_first_factor)$/;
const EMAIL_STEP = /^\/v1\/me\/(?:email_addresses|phone_numbers)\/([^/]+)\/(prepare_verification|attempt_verification)$/;
const TOKEN_MINT = /^\/v1\/client\/sessions\/([^/]+)\/tokens(?:\/[^/]+)?$/;

/** A path id as the route will see it, when it can name something; else null. */
function pathId(segment: string | undefined, prefix: IdPrefix): string | null {
  if (segment === undefined) return null;
  let id = segment;
  try {
    if (id.includes('%')) id = decodeURIComponent(id);
  } catch {
    return null;
  }
  return isWellFormedId(prefix, id) ? id : null;
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

function isUsable(setting: RateLimitSetting | undefined): setting is RateLimitSetting {
  return setting !== undefined && Number.isInteger(setting.limit) && setting.limit >= 0 && Number.isFinite(setting.windowSeconds) && setting.windowSeconds > 0;
}

/**
 * The rule of a budget in milliseconds. A stored setting that makes no sense (a typo in an edited
 * document) falls back to the product's default for that budget: neither no limit nor a 500.
 */
export function ruleOf(limits: RateLimitConfig, name: RateLimitName): RateLimitRule {
  const configured = limits[name] as RateLimitSetting | undefined;
  const setting = isUsable(configured) ? configured : defaultRateLimits()[name];
  return { limit: setting.limit, windowMs: setting.windowSeconds * 1000 };
}

export function checkOf(limits: RateLimitConfig, name: RateLimitName, scope: string): RateLimitCheck {
  return { name, key: `${name}:${scope}`, rule: ruleOf(limits, name) };
}

/**
 * The budgets a request spends from, broadest first, so that a refused narrow budget (one
 * sign-in's resend cooldown) cannot be probed faster than the broad one (the IP's mutations)
 * allows, while a refused resend does not also eat into the IP's code budget.
 */
export function rateLimitChecks(request: LimitedRequest, limits: RateLimitConfig): RateLimitCheck[] {
  const check = (name: RateLimitName, scope: string) => checkOf(limits, name, scope);
  const { path, body, client } = request;
  const method = request.method.toUpperCase();

  const mint = method === 'POST' ? TOKEN_MINT.exec(path) : null;
  if (mint) {
    const sessionId = pathId(mint[1], 'sess');
    return [check('read', client), ...(sessionId ? [check('tokenMint', sessionId)] : [])];
  }
  if (method === 'GET' || method === 'HEAD') return [check('read', client)];

  const checks = [check('mutation', client)];
  if (method !== 'POST') return checks;
  if (path === '/v1/client/sign_ins') {
    checks.push(check('signInCreate', client));
    // Created with a password, the sign-in checks it at once: that is a guess like any other.
    if (field(body, 'password') !== undefined || field(body, 'strategy') === 'password') checks.push(check('factorAttempt', client));
    // Created with strategy email_code, it emails a code at once.
    if (field(body, 'strategy') === 'email_code') checks.push(check('codeSend', client));
    return checks;
  }
  if (path === '/v1/client/sign_ups') return [...checks, check('signUpCreate', client)];
  // Checks the current password in the same call.
  if (path === '/v1/me/change_password' || path === '/v1/me/totp/attempt_verification' || path === '/v1/client/email_links/confirm') return [...checks, check('factorAttempt', client)];

  const signInStep = SIGN_IN_STEP.exec(path);
  const signUpStep = signInStep ? null : SIGN_UP_STEP.exec(path);
  const reverifyStep = signInStep || signUpStep ? null : REVERIFY_STEP.exec(path);
  const emailStep = signInStep || signUpStep || reverifyStep ? null : EMAIL_STEP.exec(path);
  const step = signInStep ?? signUpStep ?? reverifyStep ?? emailStep;
  if (!step) return checks;
  if (step[2]?.startsWith('attempt_')) return [...checks, check('factorAttempt', client)];
  const attemptId = pathId(step[1], signInStep ? 'sia' : signUpStep ? 'sua' : reverifyStep ? 'sess' : 'idn');
  // A malformed id is a 404 at the route; it gets no cooldown bucket of its own. Links cool down
  // apart from codes, so "email me a link instead" right after a code is not refused.
  if (attemptId) checks.push(check('codeResend', field(body, 'strategy') === 'email_link' ? `${attemptId}:email_link` : attemptId));
  checks.push(check('codeSend', client));
  return checks;
}
