import type { EmailAddressJSON } from '@usher/protocol';
import { IdentifierResource } from './identifier-resource.ts';
import type { ResourceContext } from './resource-context.ts';

/**
 * One email address of a user. Immutable; methods are bound and answer the address as it is after
 * the call (the client snapshot refreshes too).
 *
 * @example
 * const added = await user.createEmailAddress({ email: 'ada@work.example' });
 * await added.prepareVerification({ strategy: 'email_code' });
 * await added.attemptVerification({ code: '123456' });
 */
export class EmailAddress extends IdentifierResource<EmailAddressJSON> {
  readonly emailAddress: string;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: EmailAddressJSON, ctx: ResourceContext | null = null, userId: string | null = null) {
    super(json, '/me/email_addresses', ctx, userId);
    this.emailAddress = json.email_address;
    Object.freeze(this);
  }

  /**
   * Emails a 6-digit code to the address, or a link (`email_link`, on instances that enable links)
   * to the app's page `redirectUrl`, which calls `confirmEmailLink()`: opened on any device, it
   * verifies the address (`user.reload()` shows it).
   * @example await address.prepareVerification({ strategy: 'email_link', redirectUrl: `${location.origin}/sign-in/verify` });
   */
  readonly prepareVerification = async (params: { strategy: 'email_code' } | { strategy: 'email_link'; redirectUrl: string } = { strategy: 'email_code' }): Promise<EmailAddress> =>
    new EmailAddress(await this.request('POST', '/prepare_verification', params.strategy === 'email_link' ? { strategy: 'email_link', redirect_url: params.redirectUrl } : { strategy: 'email_code' }), this.ctx, this.userId);

  /** Redeems the code; the address is then usable to sign in. */
  readonly attemptVerification = async (params: { code: string }): Promise<EmailAddress> => new EmailAddress(await this.request('POST', '/attempt_verification', { code: params.code }), this.ctx, this.userId);

  override toString(): string {
    return this.emailAddress;
  }
}
