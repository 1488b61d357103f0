/**
 * @usher/testing/github — a loopback fake of GitHub's OAuth app flow (github.com/login/oauth/*)
 * and of api.github.com's /user and /user/emails. Node-only.
 */
export { startFakeGitHub } from './start-fake-github.ts';
export { AuthorizeError } from '../oidc/browser-dance.ts';
export type { FakeGitHub, FakeGitHubClient, FakeGitHubEmail, FakeGitHubOptions, FakeGitHubUser, GitHubAuthorizeOptions } from './types.ts';
