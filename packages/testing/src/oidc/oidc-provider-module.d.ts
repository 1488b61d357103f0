// The few parts of oidc-provider 9 the fixture uses. The package ships no types and
// @types/oidc-provider is not installed; this file is a script (no top-level import/export),
// so the block below declares the module instead of augmenting an untyped one.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcProviderContext {
    readonly path: string;
    readonly method: string;
    readonly headers: Record<string, string | string[] | undefined>;
    status: number;
    body: unknown;
    type: string;
    readonly oidc: OidcContext;
    get(header: string): string;
    set(header: string, value: string): void;
  }

  export interface OidcContext {
    readonly route: string | undefined;
    readonly params: Record<string, string | undefined>;
    readonly client: { readonly clientId: string; readonly tokenEndpointAuthMethod: string } | undefined;
    readonly session: { readonly accountId: string | undefined; grantIdFor(clientId: string): string | undefined };
    readonly result: { consent?: { grantId?: string } } | undefined;
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    readonly provider: Provider;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<Record<string, unknown>>;
  }

  export interface GrantInstance {
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: { readonly name: string; readonly reasons: string[]; readonly details: Record<string, unknown> };
    readonly params: Record<string, string | undefined>;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    consumed?: number;
    uid?: string;
    grantId?: string;
    userCode?: string;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type Middleware = (ctx: OidcProviderContext, next: () => Promise<void>) => Promise<void>;

  export class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: {
      new (init: { accountId: string | undefined; clientId: string | undefined }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    readonly Client: { validate(metadata: Record<string, unknown>): Promise<void> };
    use(middleware: Middleware): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
