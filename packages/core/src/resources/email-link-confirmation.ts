import type { EmailLinkConfirmationJSON } from '@usher/protocol';
import { EmailAddress } from './email-address.ts';
import type { ResourceContext } from './resource-context.ts';
import type { StartedSignIn } from './sign-in.ts';
import type { StartedSignUp } from './sign-up.ts';

/**
 * What confirming an emailed link did. `sameClient`: this browser started the sign-in or sign-up,
 * which is now complete (or at its next step) — `signIn` / `signUp`; otherwise the tab that started
 * it completes by itself. An address link (UserProfile) verifies its address wherever it is opened:
 * `emailAddress`.
 */
export interface EmailLinkConfirmation {
  readonly sameClient: boolean;
  readonly signIn: StartedSignIn | null;
  readonly signUp: StartedSignUp | null;
  readonly emailAddress: EmailAddress | null;
}

/** @internal POST /v1/client/email_links/confirm, shared by `signIn.confirmEmailLink` and `signUp.confirmEmailLink`. */
export async function confirmEmailLink(ctx: ResourceContext, token: string): Promise<EmailLinkConfirmation> {
  const json = await ctx.call<EmailLinkConfirmationJSON>({ method: 'POST', path: '/client/email_links/confirm', body: { token } });
  return {
    sameClient: json.same_client,
    signIn: json.sign_in ? ctx.signInFor(json.sign_in) : null,
    signUp: json.sign_up ? ctx.signUpFor(json.sign_up) : null,
    emailAddress: json.email_address ? new EmailAddress(json.email_address) : null,
  };
}
