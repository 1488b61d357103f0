import { z } from 'zod';

/** Social / OpenID Connect providers: the Backend API's shapes (the Frontend API only sees id, name and strategy). */

export const OAUTH_PRESETS = ['google', 'github', 'microsoft', 'apple', 'oidc', 'oauth2'] as const;
export type OAuthPreset = (typeof OAUTH_PRESETS)[number];

/** The providers whose icons the components ship. */
export const BUILT_IN_PROVIDER_ICONS = ['google', 'github', 'microsoft', 'apple'] as const;

const endpoint = z.url({ protocol: /^https?$/ }).max(2048);
const claim = z.string().trim().min(1).max(64);

export const oauthProviderIdParam = z.string().regex(/^[a-z0-9_]{1,32}$/, 'Provider ids are 1–32 characters of a-z, 0-9 and _.');

/**
 * PUT /backend/v1/oauth_providers/{id}: creates or replaces a provider. `client_secret` and
 * `apple_private_key` are write-only: left out, the stored ones stay; `null` clears them.
 */
export const backendOAuthProviderBody = z.strictObject({
  preset: z.enum(OAUTH_PRESETS),
  name: z.string().trim().min(1).max(64).optional(),
  enabled: z.boolean().optional(),
  client_id: z.string().trim().min(1).max(512),
  client_secret: z.string().min(1).max(4096).nullable().optional(),
  scopes: z.array(z.string().trim().min(1).max(128)).max(32).optional(),
  issuer: endpoint.nullable().optional(),
  authorization_endpoint: endpoint.nullable().optional(),
  token_endpoint: endpoint.nullable().optional(),
  userinfo_endpoint: endpoint.nullable().optional(),
  api_base_url: endpoint.nullable().optional(),
  token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  trust_emails: z.boolean().optional(),
  claim_mapping: z
    .strictObject({
      subject: claim,
      email: claim.nullable().optional(),
      email_verified: claim.nullable().optional(),
      first_name: claim.nullable().optional(),
      last_name: claim.nullable().optional(),
      name: claim.nullable().optional(),
      username: claim.nullable().optional(),
      picture: claim.nullable().optional(),
    })
    .nullable()
    .optional(),
  tenant: z.string().trim().regex(/^[A-Za-z0-9.-]{1,64}$/).nullable().optional(),
  apple_team_id: z.string().trim().regex(/^[A-Z0-9]{10}$/).optional(),
  apple_key_id: z.string().trim().regex(/^[A-Z0-9]{10}$/).optional(),
  apple_private_key: z.string().max(4096).nullable().optional(),
});
export type BackendOAuthProviderBody = z.infer<typeof backendOAuthProviderBody>;

export interface BackendOAuthProviderJSON {
  object: 'oauth_provider';
  id: string;
  strategy: `oauth_${string}`;
  preset: OAuthPreset;
  name: string;
  enabled: boolean;
  client_id: string;
  /** Whether a secret is stored (it is never answered back). */
  client_secret_set: boolean;
  scopes: string[];
  issuer: string | null;
  authorization_endpoint: string | null;
  token_endpoint: string | null;
  userinfo_endpoint: string | null;
  api_base_url: string | null;
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post';
  trust_emails: boolean;
  tenant: string | null;
  /** The redirect URI to register with the provider. */
  redirect_uri: string;
  created_at: number;
  updated_at: number;
}

/** A provider as the components see it (GET /v1/environment). */
export interface SocialProviderJSON {
  strategy: `oauth_${string}`;
  provider: string;
  name: string;
  /** A built-in icon, or null (the components then show the name's first letter). */
  icon: (typeof BUILT_IN_PROVIDER_ICONS)[number] | null;
}

/** A provider account linked to the user (UserProfile's connected accounts). */
export interface ExternalAccountJSON {
  object: 'external_account';
  id: string;
  provider: string;
  strategy: `oauth_${string}`;
  provider_user_id: string;
  email_address: string | null;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string | null;
  verification: { status: 'verified' | 'unverified'; strategy: `oauth_${string}`; external_verification_redirect_url: string | null } | null;
  created_at: number;
  updated_at: number;
}

/**
 * POST /v1/client/oauth_callback: what the return from the provider led to.
 * `signed_in`: a session was created (`created_session_id`); `needs_sign_in` / `needs_sign_up`:
 * the sign-in or sign-up on the client has a further step (an email to verify, fields to fill);
 * `connected`: the account was added to the signed-in user.
 */
export interface OAuthCallbackJSON {
  object: 'oauth_callback';
  outcome: 'signed_in' | 'needs_sign_in' | 'needs_sign_up' | 'connected';
  created_session_id: string | null;
  external_account: ExternalAccountJSON | null;
  /** The page the app asked to go to once done (`action_complete_redirect_url`), checked. */
  redirect_url: string | null;
}

/** The body the app's callback page posts: the provider's answer, as it was forwarded. */
export const oauthCallbackBody = z.strictObject({
  /** The query string the provider sent (code, state, iss, error, …), forwarded verbatim in `__usher_oauth`. */
  params: z.string().min(1).max(8192),
});
export type OAuthCallbackBody = z.infer<typeof oauthCallbackBody>;

/** Starts a sign-in or sign-up with a provider (POST /v1/client/sign_ins or sign_ups with an `oauth_<id>` strategy), or a connection (POST /v1/me/external_accounts). */
export const oauthStartBody = z.strictObject({
  strategy: z.string().regex(/^oauth_[a-z0-9_]{1,32}$/, 'An OAuth strategy is `oauth_<provider id>`.'),
  /** The app page the browser comes back to (it renders <AuthenticateWithRedirectCallback/>). */
  redirect_url: z.string().min(1).max(2048),
  /** Where to go once signed in. */
  action_complete_redirect_url: z.string().min(1).max(2048).optional(),
  /** Sign-up only: the person accepted the terms before choosing the provider. */
  legal_accepted: z.boolean().optional(),
});
export type OAuthStartBody = z.infer<typeof oauthStartBody>;

/** The provider's authorization page a started flow must open (connections answer this; sign-ins and sign-ups carry the URL in their verification). */
export interface OAuthAuthorizationJSON {
  object: 'oauth_authorization';
  strategy: `oauth_${string}`;
  external_verification_redirect_url: string;
}
