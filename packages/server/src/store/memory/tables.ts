import type {
  ApiKeyRecord,
  WebhookEndpointRecord,
  UserImageRecord,
  PhoneNumberRecord,
  TotpRecord,
  BackupCodeRecord,
  JwtTemplateRecord,
  ClientRecord,
  DevMessageRecord,
  EmailAddressRecord,
  OutboxRecord,
  SessionRecord,
  SignInRecord,
  SignUpRecord,
  SigningKeyRecord,
  UserRecord,
  VerificationRecord,
  OAuthAttemptRecord,
  ExternalAccountRecord,
} from '../types.ts';

/**
 * The memory adapter's state. Every operation reads and writes these maps without an `await`
 * in between, so each Store method is atomic on the single JavaScript thread.
 */
export interface MemoryTables {
  /** JSON text, so values round-trip exactly as they do through the SQL adapter. */
  settings: Map<string, string>;
  signingKeys: Map<string, SigningKeyRecord>;
  clients: Map<string, ClientRecord>;
  users: Map<string, UserRecord>;
  emailAddresses: Map<string, EmailAddressRecord>;
  sessions: Map<string, SessionRecord>;
  signIns: Map<string, SignInRecord>;
  signUps: Map<string, SignUpRecord>;
  /** Keyed by verificationKey(ownerId, purpose): one verification per owner and purpose. */
  verifications: Map<string, VerificationRecord>;
  outbox: Map<string, OutboxRecord>;
  devMessages: Map<string, DevMessageRecord>;
  apiKeys: Map<string, ApiKeyRecord>;
  jwtTemplates: Map<string, JwtTemplateRecord>;
  webhookEndpoints: Map<string, WebhookEndpointRecord>;
  userImages: Map<string, UserImageRecord>;
  phoneNumbers: Map<string, PhoneNumberRecord>;
  /** By user id: one authenticator per user. */
  totp: Map<string, TotpRecord>;
  backupCodes: Map<string, BackupCodeRecord>;
  oauthAttempts: Map<string, OAuthAttemptRecord>;
  /** Unique by (provider, subject), compared exactly as the SQL index does. */
  externalAccounts: Map<string, ExternalAccountRecord>;
}

export function createTables(): MemoryTables {
  return {
    settings: new Map(),
    signingKeys: new Map(),
    clients: new Map(),
    users: new Map(),
    emailAddresses: new Map(),
    sessions: new Map(),
    signIns: new Map(),
    signUps: new Map(),
    verifications: new Map(),
    outbox: new Map(),
    devMessages: new Map(),
    apiKeys: new Map(),
    jwtTemplates: new Map(),
    webhookEndpoints: new Map(),
    userImages: new Map(),
    phoneNumbers: new Map(),
    totp: new Map(),
    backupCodes: new Map(),
    oauthAttempts: new Map(),
    externalAccounts: new Map(),
  };
}

/** Callers may not share objects with the store in either direction. */
export const copy = <T>(value: T): T => structuredClone(value);

export const verificationKey = (ownerId: string, purpose: string): string => `${purpose}\u0000${ownerId}`;

/** Mirrors a primary-key violation in SQL: an id is never silently overwritten. */
export function assertAbsent(table: Map<string, unknown>, id: string, what: string): void {
  if (table.has(id)) throw new Error(`${what} ${id} already exists`);
}

/** Mirrors a foreign-key violation in SQL. */
export function requireRow<T>(table: Map<string, T>, id: string, what: string): T {
  const row = table.get(id);
  if (!row) throw new Error(`${what} ${id} does not exist`);
  return row;
}

/** Applies a patch the way SQL does: keys whose value is undefined are not written. */
export function applyPatch<T extends object>(row: T, patch: Partial<T>, allowed: readonly (keyof T)[]): void {
  for (const key of allowed) {
    const value = patch[key];
    if (value !== undefined) row[key] = copy(value) as T[keyof T];
  }
}

/** Stable order for lists: creation time, then the (sortable) id. */
export function byCreation<T extends { createdAt: number }>(idOf: (row: T) => string) {
  return (a: T, b: T): number => a.createdAt - b.createdAt || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
}

export const foldCase = (value: string): string => value.toLowerCase();

/** One page of rows, the way SQL's LIMIT/OFFSET and COUNT(*) give it. */
export function pageOf<T>(rows: T[], limit: number, offset: number): { data: T[]; totalCount: number } {
  const start = Math.max(0, offset);
  return { data: rows.slice(start, start + Math.max(0, limit)).map(copy), totalCount: rows.length };
}

/** Deletes every unverified copy of an address but `keepId` (the owner proved it), as the SQL adapter does. */
export function removeUnverifiedCopies(t: MemoryTables, emailAddress: string, keepId: string): void {
  for (const [id, email] of t.emailAddresses) {
    if (id !== keepId && email.verifiedAt === null && foldCase(email.emailAddress) === foldCase(emailAddress)) t.emailAddresses.delete(id);
  }
}

/** Mirrors the unique index on external_accounts (provider, subject). */
export function externalAccountTaken(t: MemoryTables, provider: string, subject: string): boolean {
  return [...t.externalAccounts.values()].some((a) => a.provider === provider && a.subject === subject);
}
