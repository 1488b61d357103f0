import type { Provider } from 'oidc-provider';
import type { MemoryStore } from './adapter.ts';
import type { OidcClientRegistration } from './types.ts';

/** The OIDC client metadata of a registration: a confidential "web" client doing code + PKCE. */
export function clientMetadata(client: OidcClientRegistration): Record<string, unknown> {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: [...client.redirectUris],
    token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // "web" accepts http redirect URIs on any host for the code flow (only implicit needs https).
    application_type: 'web',
  };
}

/** Validates the registration with oidc-provider's own schema and stores it for `Client.find`. */
export async function registerClient(provider: Provider, store: MemoryStore, client: OidcClientRegistration): Promise<void> {
  const metadata = clientMetadata(client);
  await provider.Client.validate(metadata);
  store.set(`Client:${client.clientId}`, metadata, undefined);
}
