import type { PhoneNumberJSON } from '@usher/protocol';
import { IdentifierResource } from './identifier-resource.ts';
import type { ResourceContext } from './resource-context.ts';

/**
 * One phone number of a user (E.164). Immutable; methods answer the number as it is after the call.
 *
 * @example
 * const added = await user.createPhoneNumber({ phoneNumber: '+15555550100' });
 * await added.prepareVerification();
 * await added.attemptVerification({ code: '123456' });
 */
export class PhoneNumber extends IdentifierResource<PhoneNumberJSON> {
  readonly phoneNumber: string;
  readonly reservedForSecondFactor: boolean;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: PhoneNumberJSON, ctx: ResourceContext | null = null, userId: string | null = null) {
    super(json, '/me/phone_numbers', ctx, userId);
    this.phoneNumber = json.phone_number;
    this.reservedForSecondFactor = json.reserved_for_second_factor;
    Object.freeze(this);
  }

  /** Texts a 6-digit code to the number. */
  readonly prepareVerification = async (): Promise<PhoneNumber> => new PhoneNumber(await this.request('POST', '/prepare_verification', { strategy: 'phone_code' }), this.ctx, this.userId);

  /** Redeems the code. */
  readonly attemptVerification = async (params: { code: string }): Promise<PhoneNumber> => new PhoneNumber(await this.request('POST', '/attempt_verification', { code: params.code }), this.ctx, this.userId);

  override toString(): string {
    return this.phoneNumber;
  }
}
