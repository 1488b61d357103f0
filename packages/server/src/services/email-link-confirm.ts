import type { EmailLinkConfirmationJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { EmailAddressRecord, SignInRecord, SignUpRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { splitLinkToken } from './email-links.ts';
import { confirmEmailAddressLink } from './me-email-address-link.ts';
import { emailAddressJSON } from './me-email-addresses.ts';
import type { Runtime } from './runtime.ts';
import { loadSignInJSON, loadSignUpJSON } from './serializers/load.ts';
import { confirmEmailLink } from './sign-in-email-link.ts';
import { confirmSignUpLink } from './sign-up-email-link.ts';

/** What a confirmed link was for, and what it did. */
export type ConfirmedLink =
  | { kind: 'sign_in'; sameClient: boolean; signIn: SignInRecord }
  | { kind: 'sign_up'; sameClient: boolean; signUp: SignUpRecord }
  | { kind: 'email_address'; sameClient: boolean; emailAddress: EmailAddressRecord };

/**
 * POST /v1/client/email_links/confirm: one endpoint for every emailed link, told apart by the id
 * the token starts with (`sia_` a sign-in, `sua_` a sign-up, `idn_` an address added in
 * UserProfile). Whatever the kind, a link is spent once and refused as used, expired or not valid.
 */
export async function confirmLink(rt: Runtime, config: InstanceConfig, ctx: ClientContext, token: string): Promise<ConfirmedLink> {
  const { ownerId, secret } = splitLinkToken(token);
  if (ownerId.startsWith('sua_')) return { kind: 'sign_up', ...(await confirmSignUpLink(rt, config, ctx, ownerId, secret)) };
  if (ownerId.startsWith('idn_')) return { kind: 'email_address', ...(await confirmEmailAddressLink(rt, ctx, ownerId, secret)) };
  // A sign-in link, or no link at all (refused there as not valid).
  return { kind: 'sign_in', ...(await confirmEmailLink(rt, config, ctx, token)) };
}

/** The answer: the sign-in or sign-up only to the device that started it; the address to whoever verified it. */
export async function linkConfirmationJSON(rt: Runtime, config: InstanceConfig, confirmed: ConfirmedLink): Promise<EmailLinkConfirmationJSON> {
  const mine = confirmed.sameClient;
  return {
    object: 'email_link_confirmation',
    status: 'verified',
    same_client: mine,
    sign_in: confirmed.kind === 'sign_in' && mine ? await loadSignInJSON(rt, confirmed.signIn, config) : null,
    sign_up: confirmed.kind === 'sign_up' && mine ? await loadSignUpJSON(rt, confirmed.signUp, config) : null,
    email_address: confirmed.kind === 'email_address' ? await emailAddressJSON(rt, confirmed.emailAddress) : null,
  };
}
