/**
 * @usher/testing — the real Usher server behind MSW handlers, for SDK, component and Storybook
 * tests. Node-only helpers are in `@usher/testing/node`.
 */
export { setupUsherMock, type UsherMock, type UsherMockOptions, type UsherMockApp } from './setup-usher-mock.ts';
export type { UsherMockClock } from './mock-clock.ts';
export type { UsherMockMailbox } from './mailbox.ts';
export type { SeedUserInput, SeededUser } from './seed-user.ts';
