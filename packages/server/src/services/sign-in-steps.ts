import type { InstanceConfig } from '../config/instance.ts';
import type { CodeBinding } from '../crypto/codes.ts';
import { UsherError } from '../errors.ts';
import type { FirstFactorStrategy } from '@usher/protocol';
import type { SignInRecord, UserRecord } from '../store/types.ts';
import type { ClientContext } from './client-context.ts';
import { canWorkOnFirstFactor, identifierKindOf, supportedFirstFactors } from './machines/sign-in.ts';
import type { Runtime } from './runtime.ts';

/** A sign-in of this device, or 404 (another device's sign-in is as absent as a missing one). */
export async function getOwnSignIn(rt: Runtime, ctx: ClientContext, id: string): Promise<SignInRecord> {
  const signIn = await rt.store.getSignIn(id);
  if (!signIn || !ctx.client || signIn.clientId !== ctx.client.id || signIn.abandonAt <= rt.now()) throw new UsherError('sign_in_not_found');
  return signIn;
}

export function assertFirstFactorStep(signIn: SignInRecord): void {
  if (!canWorkOnFirstFactor(signIn.status)) {
    throw new UsherError('sign_in_status_invalid', {
      longMessage: statusHint(signIn),
    });
  }
}

function statusHint(signIn: SignInRecord): string {
  if (signIn.status === 'complete') return 'This sign-in is already complete.';
  if (signIn.status === 'needs_new_password') return 'Choose a new password first.';
  if (signIn.status === 'needs_second_factor') return 'The first factor is verified: enter the second one.';
  return 'Enter your identifier first.';
}

export function assertStrategy(config: InstanceConfig, strategy: FirstFactorStrategy): void {
  if (!supportedFirstFactors(config).includes(strategy)) throw new UsherError('strategy_not_allowed', { paramName: 'strategy' });
}

/** The purpose a code strategy's codes are bound to: a reset code never signs in, and the reverse. */
export type CodeStrategy = 'email_code' | 'email_link' | 'reset_password_email_code' | 'reset_password_phone_code';
const PURPOSE_OF = { email_code: 'sign_in', email_link: 'sign_in_link', reset_password_email_code: 'reset_password', reset_password_phone_code: 'reset_password' } as const;

export const isResetStrategy = (strategy: string | null): strategy is 'reset_password_email_code' | 'reset_password_phone_code' =>
  strategy === 'reset_password_email_code' || strategy === 'reset_password_phone_code';

/**
 * Where a sign-in's code goes: the typed address, or a username's primary address (a texted
 * reset code: the account's primary verified number, else its first verified one); bound to the
 * sign-in and to the strategy's purpose. Not deliverable (an unknown identifier, no such address or
 * number): the caller stores a decoy and sends nothing, answering the same.
 */
export async function codeBinding(rt: Runtime, signIn: SignInRecord, user: UserRecord | null, strategy: CodeStrategy = 'email_code'): Promise<{ binding: CodeBinding; deliverable: boolean }> {
  const identifier = signIn.identifier ?? '';
  if (strategy === 'reset_password_phone_code') {
    const phones = user ? (await rt.store.listPhoneNumbers(user.id)).filter((p) => p.verifiedAt !== null) : [];
    const phone = phones.find((p) => p.id === user?.primaryPhoneNumberId) ?? phones[0] ?? null;
    return { binding: { purpose: PURPOSE_OF[strategy], ownerId: signIn.id, target: phone?.phoneNumber ?? identifier }, deliverable: phone !== null };
  }
  let target: string | null = identifierKindOf(identifier) === 'email_address' ? identifier : null;
  if (target === null && user) {
    const emails = await rt.store.listEmailAddresses(user.id);
    target = emails.find((e) => e.id === user.primaryEmailAddressId && e.verifiedAt !== null)?.emailAddress ?? null;
  }
  return { binding: { purpose: PURPOSE_OF[strategy], ownerId: signIn.id, target: target ?? identifier }, deliverable: user !== null && target !== null };
}
