import { c, LINK, LINK_HOVER, rad, sp, WEIGHT_MEDIUM } from './tokens.ts';

// Shared by text inputs and OTP boxes; it starts with the `font` shorthand, so rules put it first. The resting border is neutral-a500: the lightest step with
// 3:1 against the input background (WCAG 1.4.11), so the field stays findable.
const input = (): string => `font:inherit;color:${c('input-text')};background:${c('input-background')};border:1px solid ${c('neutral-a500')};border-radius:${rad(0.75)};box-shadow:0 1px 2px ${c('neutral-a50')};transition:border-color 0.15s,box-shadow 0.15s;margin:0`;
const inputStates = (sel: string): string => `
${sel}:hover:not(:disabled){border-color:${c('neutral-a600')}}
${sel}:focus-visible{outline:2px solid ${c('primary')};outline-offset:-1px;border-color:${c('primary')};box-shadow:0 0 0 4px ${c('primary-a200')}}
${sel}[aria-invalid=true]{border-color:${c('danger')}}
${sel}[aria-invalid=true]:focus-visible{outline-color:${c('danger')};box-shadow:0 0 0 4px ${c('danger-a200')}}
${sel}:disabled{cursor:not-allowed;opacity:0.6;background:${c('neutral-a50')}}
${sel}::placeholder{color:${c('text-secondary')};opacity:1}`;

/** Forms, fields, OTP, buttons, social buttons, identity preview, resend, password meter, consent. */
export const formsCss = (): string => `
.usher-form{display:flex;flex-direction:column;gap:${sp(1.25)}}
.usher-formFieldRow{display:flex;gap:${sp(1)}}
.usher-formFieldRow>*{flex:1;min-width:0}
.usher-formField{display:flex;flex-direction:column;gap:${sp(0.375)}}
.usher-formFieldLabelRow{display:flex;align-items:baseline;justify-content:space-between;gap:${sp(0.5)}}
.usher-formFieldLabel{font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-formFieldOptionalText{margin-inline-start:0.35em;color:${c('text-secondary')};font-weight:var(--usher-font-weight-normal);font-size:0.9em}
.usher-formFieldAction{font-size:0.9em}
.usher-formFieldInputGroup{position:relative;display:flex}
.usher-formFieldInput{${input()};width:100%;min-height:2.5rem;padding:${sp(0.5)} ${sp(0.75)}}
${inputStates('.usher-formFieldInput')}
.usher-formFieldInputGroup[data-has-action] .usher-formFieldInput{padding-inline-end:2.75rem}
.usher-formFieldInputShowPasswordButton{position:absolute;inset-block:0;inset-inline-end:0;display:flex;align-items:center;justify-content:center;width:2.5rem;padding:0;border:0;border-radius:${rad(0.75)};background:none;color:${c('text-secondary')};cursor:pointer}
.usher-formFieldInputShowPasswordButton:hover{color:${c('text')}}
.usher-formFieldInputShowPasswordButton:focus-visible{outline-offset:-4px}
.usher-formFieldInputShowPasswordIcon{width:1.1em;height:1.1em}
.usher-formFieldErrorText,.usher-formFieldHintText,.usher-formFieldSuccessText,.usher-formFieldWarningText{display:flex;align-items:flex-start;gap:${sp(0.375)};font-size:0.9em;overflow-wrap:anywhere}
.usher-formFieldErrorText>svg,.usher-formFieldSuccessText>svg,.usher-formFieldWarningText>svg{flex:none;width:1em;height:1em;margin-top:0.2em}
.usher-formFieldErrorText{color:${c('danger')}}
.usher-formFieldHintText{color:${c('text-secondary')}}
.usher-formFieldSuccessText{color:${c('success')}}
.usher-formFieldWarningText{color:${c('warning')}}
.usher-formFieldCheckboxLabel{display:flex;align-items:flex-start;gap:${sp(0.5)};color:${c('text')};cursor:pointer}
.usher-formFieldCheckbox{flex:none;width:1rem;height:1rem;margin:0.2em 0 0;accent-color:${c('primary')};cursor:pointer}
.usher-otpCodeField{display:flex;flex-direction:column;align-items:center;gap:${sp(0.75)}}
.usher-otpCodeFieldLabel{font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-otpCodeFieldInputs{display:flex;justify-content:center;gap:${sp(0.5)}}
.usher-otpCodeFieldInput{${input()};flex:0 1 2.75rem;min-width:0;height:3rem;padding:0;text-align:center;font-size:1.25rem;font-weight:${WEIGHT_MEDIUM};font-variant-numeric:tabular-nums;caret-color:${c('primary')}}
${inputStates('.usher-otpCodeFieldInput')}
.usher-otpCodeFieldErrorText{color:${c('danger')};font-size:0.9em;text-align:center}
.usher-button{position:relative;display:inline-flex;align-items:center;justify-content:center;gap:${sp(0.5)};min-height:2.5rem;margin:0;padding:${sp(0.5)} ${sp(1)};overflow:hidden;border:1px solid transparent;border-radius:${rad(0.75)};font-family:var(--usher-font-family-buttons);font-size:inherit;font-weight:${WEIGHT_MEDIUM};line-height:1.25;text-align:center;text-decoration:none;cursor:pointer;user-select:none;-webkit-tap-highlight-color:transparent;transition:background-color 0.15s,border-color 0.15s,color 0.15s,box-shadow 0.15s}
.usher-button[data-variant=primary]{background:${c('primary')};color:${c('text-on-primary')};box-shadow:inset 0 1px 0 rgb(255 255 255 / 0.14),0 1px 2px ${c('neutral-a200')}}
.usher-button[data-variant=primary]:hover:not(:disabled,[aria-disabled=true]){background:${c('primary-600')}}
.usher-button[data-variant=primary]:active:not(:disabled,[aria-disabled=true]){background:${c('primary-700')}}
.usher-button[data-variant=secondary]{background:${c('background')};color:${c('text')};border-color:${c('neutral-a200')};box-shadow:0 1px 2px ${c('neutral-a50')}}
.usher-button[data-variant=secondary]:hover:not(:disabled,[aria-disabled=true]){background:${c('neutral-a50')};border-color:${c('neutral-a300')}}
.usher-button[data-variant=ghost]{background:none;color:${c('text')}}
.usher-button[data-variant=ghost]:hover:not(:disabled,[aria-disabled=true]){background:${c('neutral-a100')}}
.usher-button[data-variant=link]{min-height:0;padding:0;border:0;overflow:visible;background:none;${LINK}}
.usher-button[data-variant=link]:hover:not(:disabled,[aria-disabled=true]){${LINK_HOVER}}
.usher-button:disabled,.usher-button[aria-disabled=true]{cursor:not-allowed;opacity:0.55}
.usher-button[data-state=loading]{cursor:progress;opacity:1}
.usher-buttonSpinner{width:1.1em;height:1.1em}
.usher-rootBox[data-usher-shimmer] .usher-button[data-variant=primary]::after{content:"";position:absolute;inset:0;background:linear-gradient(100deg,transparent 25%,${c('shimmer')} 50%,transparent 75%);transform:translateX(-100%);transition:transform 0.6s ease;pointer-events:none}
.usher-rootBox[data-usher-shimmer] .usher-button[data-variant=primary]:hover:not(:disabled,[aria-disabled=true])::after{transform:translateX(100%)}
.usher-formButtonPrimary,.usher-formButtonSecondary,.usher-socialButtonsBlockButton,.usher-alternativeMethodsBlockButton{width:100%}
.usher-formButtonReset{align-self:center}
.usher-socialButtons{display:grid;grid-template-columns:repeat(auto-fit,minmax(3rem,1fr));gap:${sp(0.5)}}
.usher-socialButtons[data-variant=blockButton]{grid-template-columns:1fr}
.usher-socialButtonsProviderIcon{flex:none;width:1.1em;height:1.1em}
.usher-socialButtonsBlockButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.usher-identityPreview{display:inline-flex;align-items:center;align-self:center;gap:${sp(0.5)};max-width:100%;padding:${sp(0.25)} ${sp(0.25)} ${sp(0.25)} ${sp(0.5)};border:1px solid ${c('neutral-a200')};border-radius:999px;color:${c('text')}}
.usher-identityPreviewAvatarBox{--usher-avatar-size:1.5rem}
.usher-identityPreviewText{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:${WEIGHT_MEDIUM}}
.usher-identityPreviewEditButton{display:inline-flex;flex:none;align-items:center;justify-content:center;width:1.75rem;height:1.75rem;padding:0;border:0;border-radius:50%;background:none;color:${c('text-secondary')};cursor:pointer}
.usher-identityPreviewEditButton:hover{background:${c('neutral-a100')};color:${c('text')}}
.usher-identityPreviewEditButtonIcon{width:0.95em;height:0.95em}
.usher-alternativeMethods{display:flex;flex-direction:column;gap:${sp(0.5)}}
.usher-alternativeMethodsBlockButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.usher-backLink{align-self:center}
.usher-formResendCodeText{color:${c('text-secondary')};text-align:center}
.usher-formResendCodeLink{${LINK};padding:0;border:0;background:none;font:inherit;font-weight:${WEIGHT_MEDIUM}}
.usher-formResendCodeLink:hover:not([aria-disabled=true]){${LINK_HOVER}}
.usher-formResendCodeLink[aria-disabled=true]{color:${c('text-secondary')};text-decoration:none;cursor:default;font-variant-numeric:tabular-nums}
.usher-form>.usher-passwordStrengthMeter{margin-block-start:calc(var(--usher-spacing)*-0.875)}
.usher-passwordStrengthMeter{display:flex;flex-direction:column;gap:${sp(0.375)};font-size:0.9em;color:${c('text-secondary')}}
.usher-passwordStrengthMeter[hidden]{display:none}
.usher-passwordStrengthMeterTrack{display:flex;gap:${sp(0.25)}}
.usher-passwordStrengthMeter:not([data-state=ready]) .usher-passwordStrengthMeterTrack{visibility:hidden}
.usher-passwordStrengthMeterBar{flex:1;height:0.25rem;border-radius:999px;background:${c('neutral-a200')}}
.usher-passwordStrengthMeterBar[data-filled][data-strength=weak]{background:${c('danger')}}
.usher-passwordStrengthMeterBar[data-filled][data-strength=fair]{background:${c('warning')}}
.usher-passwordStrengthMeterBar[data-filled][data-strength=good],.usher-passwordStrengthMeterBar[data-filled][data-strength=strong]{background:${c('success')}}
.usher-passwordStrengthText{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 ${sp(0.5)};min-height:1.5em;color:${c('text')}}
.usher-passwordStrengthVerdict{font-weight:${WEIGHT_MEDIUM}}
.usher-passwordStrengthMeter[data-meets-minimum=true] .usher-passwordStrengthVerdict{color:${c('success')}}
.usher-passwordStrengthMeter[data-meets-minimum=false] .usher-passwordStrengthVerdict{color:${c('danger')}}
.usher-passwordStrengthFeedback{display:flex;flex-direction:column;gap:${sp(0.125)};overflow-wrap:anywhere}
.usher-passwordRequirements{display:flex;flex-direction:column;gap:${sp(0.25)};list-style:none;font-size:0.9em;color:${c('text-secondary')}}
.usher-passwordRequirement{display:flex;align-items:center;gap:${sp(0.375)}}
.usher-passwordRequirement[data-met=true]{color:${c('success')}}
.usher-legalConsent{display:flex;align-items:flex-start;gap:${sp(0.5)};color:${c('text-secondary')};font-size:0.9em}
`;
