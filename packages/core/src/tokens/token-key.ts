/** What a token is for: the cache holds one per (session, template, organization). */
export interface TokenKey {
  readonly sessionId: string;
  readonly template: string | null;
  readonly organizationId: string | null;
}

export function tokenKeyString(key: TokenKey): string {
  return JSON.stringify([key.sessionId, key.template, key.organizationId]);
}

export function sameTokenKey(a: TokenKey, b: TokenKey): boolean {
  return a.sessionId === b.sessionId && a.template === b.template && a.organizationId === b.organizationId;
}
