/**
 * @usher/core — the headless Usher SDK. Framework-free; runs in browsers and in Node.
 * The public API, by name. Nothing under internal/ is exported.
 */
export { Usher } from './usher.ts';
export type { UsherOptions } from './usher-options.ts';
export type { UsherSnapshot, SnapshotListener } from './store/snapshot-store.ts';

export { Client } from './resources/client.ts';
export { Session } from './resources/session.ts';
export { User, type UpdateUserParams, type UpdatePasswordParams, type Totp } from './resources/user.ts';
export { SessionVerification } from './resources/session-verification.ts';
export type { SessionWithActivity } from './resources/session-with-activity.ts';
export { resizeImage, MAX_PROFILE_IMAGE_SIDE } from './resources/resize-image.ts';
export { SignIn, type StartedSignIn, type SignInCreateParams, type SignInPrepareFirstFactorParams, type SignInAttemptFirstFactorParams, type SignInResetPasswordParams, type SignInPrepareSecondFactorParams, type SignInAttemptSecondFactorParams, type SignInFactor, type SignInUserData } from './resources/sign-in.ts';
export { SignUp, type StartedSignUp, type SignUpParams, type SignUpPrepareVerificationParams, type SignUpAttemptVerificationParams } from './resources/sign-up.ts';
export type { EmailLinkConfirmation } from './resources/email-link-confirmation.ts';
export { EmailAddress } from './resources/email-address.ts';
export { PhoneNumber } from './resources/phone-number.ts';
export { Verification } from './resources/verification.ts';
export { ExternalAccount } from './resources/external-account.ts';
export { OAUTH_CALLBACK_PARAM, type OAuthStrategy, type AuthenticateWithRedirectParams } from './resources/oauth.ts';
export type { RedirectCallbackResult, HandleRedirectCallbackParams } from './resources/redirect-callback.ts';
export type { Environment } from './resources/environment.ts';
export type { GetTokenOptions } from './resources/resource-context.ts';

export { signInMachine, type SignInAction } from './machines/sign-in-machine.ts';
export { signUpMachine, type SignUpAction } from './machines/sign-up-machine.ts';
export { verificationMachine, type VerificationAction } from './machines/verification-machine.ts';
export { sessionMachine, type SessionAction } from './machines/session-machine.ts';
export type { Machine } from './machines/define-machine.ts';

export {
  UsherError,
  UsherAPIError,
  UsherOfflineError,
  UsherMisuseError,
  isUsherAPIError,
  isUsherOfflineError,
  isUsherMisuseError,
  type UsherErrorCode,
  type UsherMisuseCode,
  type UsherAPIErrorItem,
} from './errors.ts';

export type { StorageLike } from './internal/environment.ts';
export type { Clock, Timers, TimerHandle } from './internal/timers.ts';
export type { CrossTabOptions, BroadcastChannelLike, LockManagerLike } from './tokens/cross-tab.ts';
export type { TokenPolicy } from './tokens/token-manager.ts';
export type { BackoffPolicy } from './tokens/backoff.ts';
export type { TransportMode, FetchLike } from './transport/transport.ts';

export type {
  SignInStatus,
  SignUpStatus,
  SessionStatus,
  VerificationStatus,
  VerificationStrategy,
  FirstFactorStrategy,
  SecondFactorStrategy,
  SignUpField,
  IdentifierKind,
  ErrorCode,
} from '@usher/protocol';
