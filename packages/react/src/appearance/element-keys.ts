/**
 * Every element key of Usher's components: the one source of truth for stable class names
 * (`usher-<key>`), for `appearance.elements` typing and for the base styles.
 *
 * Add a key here before rendering an element that users may want to restyle; never rename one
 * (class names and `appearance.elements` entries in apps depend on them).
 *
 * @example
 * const appearance = { elements: { formButtonPrimary: 'bg-emerald-600', card__error: { borderColor: 'red' } } };
 */
export const ELEMENT_KEYS = [
  // Component frame
  'rootBox',
  'cardBox',
  'card',
  'header',
  'headerTitle',
  'headerSubtitle',
  'headerBackLink',
  'headerBackIcon',
  'main',
  'footer',
  'footerAction',
  'footerActionText',
  'footerActionLink',
  'footerPages',
  'footerPagesLink',
  'logoBox',
  'logoImage',
  // Divider ("or")
  'dividerRow',
  'dividerLine',
  'dividerText',
  // Social sign-in
  'socialButtons',
  'socialButtonsIconButton',
  'socialButtonsBlockButton',
  'socialButtonsBlockButtonText',
  'socialButtonsProviderIcon',
  // Forms
  'form',
  'formField',
  'formFieldRow',
  'formFieldLabel',
  'formFieldLabelRow',
  'formFieldOptionalText',
  'formFieldInputGroup',
  'formFieldInput',
  'formFieldErrorText',
  'formFieldHintText',
  'formFieldSuccessText',
  'formFieldWarningText',
  'formFieldInputShowPasswordButton',
  'formFieldInputShowPasswordIcon',
  'formFieldAction',
  'formFieldCheckbox',
  'formFieldCheckboxLabel',
  'formButtonPrimary',
  'formButtonSecondary',
  'formButtonReset',
  'formResendCodeLink',
  'formResendCodeText',
  'button',
  'buttonSpinner',
  // One-time codes
  'otpCodeField',
  'otpCodeFieldLabel',
  'otpCodeFieldInputs',
  'otpCodeFieldInput',
  'otpCodeFieldErrorText',
  // Identity preview (the "ada@example.com  Edit" row of later steps)
  'identityPreview',
  'identityPreviewText',
  'identityPreviewEditButton',
  'identityPreviewEditButtonIcon',
  'identityPreviewAvatarBox',
  // Alternative methods
  'alternativeMethods',
  'alternativeMethodsBlockButton',
  'alternativeMethodsBlockButtonText',
  'backLink',
  // Feedback
  'alert',
  'alertText',
  'alertIcon',
  'badge',
  'spinner',
  // Avatars
  'avatarBox',
  'avatarImage',
  'avatarInitials',
  'avatarMarble',
  // UserButton
  'userButtonBox',
  'userButtonTrigger',
  'userButtonAvatarBox',
  'userButtonOuterIdentifier',
  'userButtonPopoverCard',
  'userButtonPopoverMain',
  'userButtonPopoverActions',
  'userButtonPopoverActionButton',
  'userButtonPopoverActionButtonIcon',
  'userButtonPopoverActionButtonText',
  'userButtonPopoverFooter',
  'userButtonPopoverSessionList',
  // User preview (avatar + name + email)
  'userPreview',
  'userPreviewAvatarBox',
  'userPreviewTextContainer',
  'userPreviewMainIdentifier',
  'userPreviewSecondaryIdentifier',
  // Menus, popovers, modals
  'menuButton',
  'menuList',
  'menuItem',
  'menuItemIcon',
  'popoverBox',
  'modalBackdrop',
  'modalContent',
  'modalCloseButton',
  // Passwords and consent
  'passwordStrengthMeter',
  'passwordStrengthMeterTrack',
  'passwordStrengthMeterBar',
  'passwordStrengthText',
  'passwordStrengthVerdict',
  'passwordStrengthFeedback',
  'passwordRequirements',
  'passwordRequirement',
  'legalConsent',
  'legalConsentLink',
  'passwordRequirementsTitle',
  'passwordRequirementIcon',
  'passwordRequirementText',
  'skeleton',
  // UserProfile
  'navbar',
  'navbarButton',
  'navbarButtonIcon',
  'navbarMobileMenuButton',
  'pageScrollBox',
  'page',
  'profilePage',
  'profileSection',
  'profileSectionHeader',
  'profileSectionTitle',
  'profileSectionTitleText',
  'profileSectionContent',
  'profileSectionItem',
  'profileSectionItemList',
  'profileSectionPrimaryButton',
  'profileSectionActions',
  // Connected accounts (UserProfile)
  'connectedAccount',
  'connectedAccountText',
  'connectedAccountIdentifier',
  // Two-step verification
  'twoStepMethod',
  'twoStepMethodText',
  'twoStepMethodDescription',
  'qrCode',
  'totpSetup',
  'totpSetupSteps',
  'totpSetupStep',
  'totpSetupManual',
  'totpSetupSecret',
  'totpSetupActions',
  'copyButton',
  'copyStatus',
  'backupCodes',
  'backupCodesList',
  'backupCodesItem',
  'backupCodesActions',
  'backupCodesDownloadButton',
] as const;

/** One element key, e.g. `'formButtonPrimary'`. */
export type ElementKey = (typeof ELEMENT_KEYS)[number];

/** States an element can be in; each adds a `usher-<key>__<state>` class. */
export const ELEMENT_STATES = ['loading', 'error', 'active', 'open', 'disabled'] as const;
export type ElementState = (typeof ELEMENT_STATES)[number];

/** Whether a string is one of {@link ELEMENT_KEYS}. @example isElementKey('card') // true */
export function isElementKey(value: string): value is ElementKey {
  return (ELEMENT_KEYS as readonly string[]).includes(value);
}
