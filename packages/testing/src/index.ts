/**
 * @usher/testing — the real Usher server behind MSW handlers, for SDK, component and Storybook
 * tests. Node-only helpers are in `@usher/testing/node`, browser ones (MSW worker) in
 * `@usher/testing/browser`.
 */
export { setupUsherMock, type UsherMock, type UsherMockOptions, type UsherMockApp } from './setup-usher-mock.ts';
export { signInClient, type SignInClientInput, type SignedInClient } from './sign-in-client.ts';
export { totpCodeOf } from './totp.ts';
export type { UsherMockClock } from './mock-clock.ts';
export type { UsherMockMailbox } from './mailbox.ts';
export type { SeedUserInput, SeededUser } from './seed-user.ts';
