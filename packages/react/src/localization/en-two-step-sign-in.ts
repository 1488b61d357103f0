/** English strings of sign-in's second-factor step and of the "set up 2-step verification" step an instance can require. */
export const enTwoStepSignIn = {
  totp: {
    title: 'Two-step verification',
    subtitle: 'Enter the 6-digit code from your authenticator app.',
    label: 'Code from your authenticator app',
    incorrect: 'That code is not right, or it was already used. Enter the code your authenticator app shows now.',
  },
  phoneCode: {
    title: 'Check your phone',
    subtitle: 'Enter the code we texted to {{identifier}}.',
    label: 'Code sent to {{identifier}}',
    incorrect: 'That code is not right. Check the latest text message and try again.',
  },
  backupCode: {
    title: 'Use a backup code',
    subtitle: 'Enter one of the backup codes you saved when you set up two-step verification. Each code works once.',
    label: 'Backup code',
    incorrect: 'That backup code is not right, or it was already used.',
  },
  useAnotherMethod: 'Use another method',
  methods: {
    title: 'Use another method',
    subtitle: 'Choose how to confirm it’s you.',
    totp: 'Code from your authenticator app',
    phoneCode: 'Text a code to {{identifier}}',
    backupCode: 'Use a backup code',
    back: 'Back',
  },
  setup: {
    title: 'Set up two-step verification',
    subtitle: '{{applicationName}} requires a second step when you sign in. Set up an authenticator app to continue.',
    skipUnavailable: 'You can’t continue without two-step verification.',
    signOut: 'Sign out',
  },
} as const;
