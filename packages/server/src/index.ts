/**
 * @usher/server — the Usher HTTP app and what it needs to run. Node-only pieces (argon2id hasher,
 * SQLite/Postgres wiring, CLI) live in `@usher/server/node`.
 */
export { createUsherApp } from './app.ts';
export type { Clock, Logger, MailMessage, Mailer, PasswordHasher, Random, SmsMessage, SmsSender, RateLimiter, RateLimitResult, RateLimitRule, ServerConfig, UsherAppDeps } from './deps.ts';
export { UsherError, isUsherError, type ErrorStatus, type UsherErrorOptions } from './errors.ts';

export { defaultInstanceConfig, INSTANCE_CONFIG_KEY, type InstanceConfig } from './config/instance.ts';
export { loadInstanceConfig, mergeInstanceConfig } from './config/load.ts';
export { defaultRateLimits, relaxedRateLimits, type RateLimitConfig, type RateLimitName, type RateLimitSetting } from './config/rate-limits.ts';
export { createMemoryRateLimiter, type MemoryRateLimiter, type MemoryRateLimiterOptions } from './ratelimit/memory-rate-limiter.ts';

export { createPbkdf2Hasher, type Pbkdf2HasherOptions } from './crypto/pbkdf2-hasher.ts';
export { webCryptoRandom } from './crypto/random.ts';
export { systemClock, createManualClock, type ManualClock } from './services/clock.ts';
export { silentLogger, consoleJsonLogger } from './services/logger.ts';
export { isAllowedRedirectUrl, normalizeOrigin } from './services/redirects.ts';

export { DevMailboxMailer } from './mail/dev-mailbox-mailer.ts';
export { DevSmsBox } from './mail/dev-sms-box.ts';
export { createTwilioSmsSender, type TwilioSmsOptions } from './mail/twilio-sms-sender.ts';
export { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './jobs/outbox-worker.ts';
export { createFetchWebhookSender, type WebhookSender, type WebhookRequest, type FetchWebhookSenderOptions } from './jobs/webhook-sender.ts';

export { createMemoryStore } from './store/memory/index.ts';
export { createSecretKey, secretKeyPrefix, type CreatedSecretKey } from './services/backend/secret-keys.ts';
export type * from './store/types.ts';
export { StoreConflictError } from './store/types.ts';
