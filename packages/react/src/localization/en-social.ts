/** English strings of social / OpenID Connect sign-in: the return page and UserProfile's connected accounts (the buttons use `socialButtons…`, SignUp's continue step `signUp.continue`). */
export const enSocial = {
  callback: {
    loading: 'Signing you in…',
    errorTitle: 'We could not sign you in',
    backToSignIn: 'Back to sign in',
  },
  connectedAccounts: {
    title: 'Connected accounts',
    none: 'No accounts connected yet.',
    connect: 'Connect account',
    connectWith: 'Connect {{provider}}',
    actionsLabel: 'Actions for {{provider}}',
    disconnect: 'Disconnect',
    disconnectTitle: 'Disconnect {{provider}}',
    disconnectSubtitle: 'You will no longer be able to sign in with {{identifier}}.',
    disconnected: '{{provider}} was disconnected.',
  },
} as const;
