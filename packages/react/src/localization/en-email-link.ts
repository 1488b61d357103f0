/**
 * English strings of verification links: SignUp's "check your email" step when a link was sent,
 * the page a sign-up or address link opens (sign-in links: `signIn.emailLink*`), and UserProfile's
 * link step for an added address.
 */
export const enEmailLink = {
  signUp: {
    title: 'Check your email',
    subtitle: 'We sent a verification link to {{identifier}}. Open it to continue; this page goes on by itself.',
    verifying: 'Waiting for you to open the link…',
    resendPrompt: 'Didn’t receive it?',
    expired: 'The link expired. Send a new one.',
    sendAgain: 'Send a new link',
    useLink: 'Email me a link instead',
    useCode: 'Enter a code instead',
  },
  confirm: {
    signUpTitle: 'Verify your email',
    signUpSubtitle: 'You opened a link to verify your email address for a new {{applicationName}} account. Confirm to continue.',
    signUpConfirm: 'Verify email address',
    signUpElsewhereTitle: 'Email address verified',
    signUpElsewhere: 'Return to your original tab or device to finish signing up; you can close this one.',
    addressTitle: 'Verify your email address',
    addressSubtitle: 'You opened a link to add this email address to your {{applicationName}} account. Confirm to continue.',
    addressConfirm: 'Verify email address',
    addressVerifiedTitle: 'Email address verified',
    addressVerified: '{{identifier}} is verified. Return to your original tab or device; you can close this one.',
    used: 'Each verification link works once. Ask for a new one where you asked for this one.',
    expired: 'Verification links work for 10 minutes. Ask for a new one where you asked for this one.',
    invalid: 'It may be incomplete. Ask for a new one where you asked for this one.',
    backToSignUp: 'Back to sign-up',
  },
  profile: {
    useLink: 'Send a link instead',
    useCode: 'Enter a code instead',
    linkTitle: 'Check your email',
    linkSubtitle: 'We sent a verification link to {{identifier}}. Open it on any device; this page updates by itself.',
    waiting: 'Waiting for you to open the link…',
    resendPrompt: 'Didn’t receive it?',
    verified: '{{identifier}} is verified.',
    done: 'Done',
  },
} as const;
