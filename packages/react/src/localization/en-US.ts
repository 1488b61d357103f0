import { enErrors } from './en-errors.ts';

/**
 * The English resource: every visible string of Usher's components. The `localization` prop
 * deep-merges over it, and its shape types every key (`LocalizationKey`), so a typo is a type error.
 * `{{token}}` placeholders are filled by `t(key, tokens)`; `applicationName` is filled in for you.
 *
 * @example
 * <UsherProvider frontendApi="" localization={{ signIn: { start: { title: 'Welcome back' } } }} />
 */
export const enUS = {
  locale: 'en-US',
  formButtonPrimary: 'Continue',
  formButtonPrimary__verify: 'Verify',
  formButtonPrimary__save: 'Save',
  formButtonReset: 'Cancel',
  backButton: 'Back',
  dividerText: 'or',
  optional: 'Optional',
  loading: 'Loading',
  formFieldLabel__emailAddress: 'Email address',
  formFieldLabel__emailAddress_username: 'Email address or username',
  formFieldLabel__username: 'Username',
  formFieldLabel__password: 'Password',
  formFieldLabel__newPassword: 'New password',
  formFieldLabel__confirmPassword: 'Confirm password',
  formFieldLabel__currentPassword: 'Current password',
  formFieldLabel__firstName: 'First name',
  formFieldLabel__lastName: 'Last name',
  formFieldLabel__code: 'Verification code',
  formFieldLabel__signOutOfOtherSessions: 'Sign out of all other devices',
  formFieldInputPlaceholder__emailAddress: 'Enter your email address',
  formFieldInputPlaceholder__emailAddress_username: 'Enter your email or username',
  formFieldInputPlaceholder__username: 'Enter your username',
  formFieldInputPlaceholder__password: 'Enter your password',
  formFieldInputPlaceholder__firstName: 'First name',
  formFieldInputPlaceholder__lastName: 'Last name',
  formFieldAction__forgotPassword: 'Forgot password?',
  formFieldInput__showPassword: 'Show password',
  formFieldInput__hidePassword: 'Hide password',
  formFieldError__passwordsDoNotMatch: 'Passwords do not match.',
  formFieldHintText__passwordMinLength: 'At least {{minLength}} characters.',
  otpCodeField: {
    label: 'Verification code',
    digitLabel: 'Digit {{index}} of {{length}}',
  },
  resendCode: {
    prompt: 'Didn’t receive a code?',
    action: 'Resend',
    countdown: 'Resend ({{seconds}})',
    available: 'You can request a new code now.',
    sent: 'A new code is on its way.',
  },
  identityPreview: {
    editButton: 'Edit',
    editButtonLabel: 'Use a different email address or username',
  },
  socialButtonsBlockButton: 'Continue with {{provider}}',
  socialButtonsIconButton: 'Continue with {{provider}}',
  footerPageLink__help: 'Help',
  footerPageLink__privacy: 'Privacy',
  footerPageLink__terms: 'Terms',
  badge__primary: 'Primary',
  badge__thisDevice: 'This device',
  badge__unverified: 'Unverified',
  badge__default: 'Default',
  avatar: {
    imageAlt: 'Profile picture of {{name}}',
    fallbackAlt: 'Avatar of {{name}}',
  },
  passwordStrength: {
    weak: 'Weak password',
    fair: 'Fair password',
    strong: 'Strong password',
    requirementMinLength: 'At least {{minLength}} characters',
  },
  signIn: {
    start: {
      title: 'Sign in to {{applicationName}}',
      subtitle: 'Welcome back! Please sign in to continue.',
      actionText: 'Don’t have an account?',
      actionLink: 'Sign up',
    },
    password: {
      title: 'Enter your password',
      subtitle: 'Enter the password for your account to continue to {{applicationName}}.',
      actionLink: 'Use another method',
    },
    emailCode: {
      title: 'Check your email',
      subtitle: 'to continue to {{applicationName}}',
      formTitle: 'Verification code',
      formSubtitle: 'Enter the 6-digit code sent to {{identifier}}',
      resendButton: 'Didn’t receive a code? Resend',
    },
    alternativeMethods: {
      title: 'Use another method',
      subtitle: 'Having trouble? You can use any of these methods to sign in.',
      actionLink: 'Get help',
      blockButton__emailCode: 'Email code to {{identifier}}',
      blockButton__password: 'Sign in with your password',
      blockButton__resetPassword: 'Reset your password',
    },
    forgotPassword: {
      title: 'Reset your password',
      subtitle: 'to continue to {{applicationName}}',
      formTitle: 'Reset password code',
      formSubtitle: 'Enter the code sent to {{identifier}}',
      resendButton: 'Didn’t receive a code? Resend',
    },
    resetPassword: {
      title: 'Set a new password',
      formButtonPrimary: 'Reset password',
      successMessage: 'Your password was changed. Signing you in…',
    },
    noAvailableMethods: {
      title: 'Cannot sign in',
      subtitle: 'No sign-in method is available for this account. Contact support.',
    },
    help: {
      title: 'Get help',
      content: 'If you have trouble signing in, contact us and we will help you get access again.',
      emailSupport: 'Email support',
    },
  },
  signUp: {
    start: {
      title: 'Create your account',
      subtitle: 'Welcome! Fill in the details to get started with {{applicationName}}.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
    },
    emailCode: {
      title: 'Verify your email',
      subtitle: 'Enter the verification code sent to {{identifier}}',
      formTitle: 'Verification code',
      resendButton: 'Didn’t receive a code? Resend',
    },
    continue: {
      title: 'Fill in missing fields',
      subtitle: 'to continue to {{applicationName}}',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
    },
    legalConsent: {
      checkboxLabel: 'I agree to the {{termsOfService}} and the {{privacyPolicy}}',
      termsOfService: 'Terms of Service',
      privacyPolicy: 'Privacy Policy',
    },
  },
  userButton: {
    triggerLabel: 'Open user menu',
    action__manageAccount: 'Manage account',
    action__signOut: 'Sign out',
    action__signOutAll: 'Sign out of all accounts',
    action__addAccount: 'Add account',
  },
  userProfile: {
    navbar: {
      title: 'Account',
      description: 'Manage your account info.',
      account: 'Profile',
      security: 'Security',
    },
    start: {
      headerTitle__account: 'Profile details',
      headerTitle__security: 'Security',
      profileSection__title: 'Profile',
      emailAddressesSection__title: 'Email addresses',
      passwordSection__title: 'Password',
      activeDevicesSection__title: 'Active devices',
      dangerSection__title: 'Delete account',
    },
  },
  errors: enErrors,
} as const;
