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
  /** Kept for 2-step verification: sign-in can text a code to it. */
  readonly reservedForSecondFactor: boolean;
  /** The second factor sign-in opens with. */
  readonly defaultSecondFactor: boolean;
  /** Only right after this number became the account's first second factor: its new backup codes, to show once. */
  readonly backupCodes: readonly string[] | null;

  /** @internal built by the SDK from the API's JSON */
  constructor(json: PhoneNumberJSON, ctx: ResourceContext | null = null, userId: string | null = null) {
    super(json, '/me/phone_numbers', ctx, userId);
    this.phoneNumber = json.phone_number;
    this.reservedForSecondFactor = json.reserved_for_second_factor;
    this.defaultSecondFactor = json.default_second_factor ?? false;
    this.backupCodes = json.backup_codes ? Object.freeze([...json.backup_codes]) : null;
    Object.freeze(this);
  }

  /** Texts a 6-digit code to the number. */
  readonly prepareVerification = async (): Promise<PhoneNumber> => new PhoneNumber(await this.request('POST', '/prepare_verification', { strategy: 'phone_code' }), this.ctx, this.userId);

  /** Redeems the code. */
  readonly attemptVerification = async (params: { code: string }): Promise<PhoneNumber> => new PhoneNumber(await this.request('POST', '/attempt_verification', { code: params.code }), this.ctx, this.userId);

  /**
   * Uses a verified number for 2-step verification, or stops (PATCH; a recent re-verification is
   * needed); `defaultSecondFactor: true` makes it the one sign-in opens with.
   * @example const reserved = await phone.update({ reservedForSecondFactor: true }); reserved.backupCodes; // 10 codes, the first time
   */
  readonly update = async (params: { reservedForSecondFactor?: boolean; defaultSecondFactor?: true }): Promise<PhoneNumber> => {
    const body: Record<string, boolean> = {};
    if (params.reservedForSecondFactor !== undefined) body.reserved_for_second_factor = params.reservedForSecondFactor;
    if (params.defaultSecondFactor) body.default_second_factor = true;
    return new PhoneNumber(await this.request('PATCH', '', body), this.ctx, this.userId);
  };

  override toString(): string {
    return this.phoneNumber;
  }
}
