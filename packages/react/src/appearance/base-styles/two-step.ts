import { c, rad, sp, WEIGHT_MEDIUM } from './tokens.ts';

/** The QR code's side. Fixed: scanners need enough pixels per module, and the placeholder must not shift the layout. */
export const QR_CODE_SIZE_PX = 200;

const MONO = 'font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-variant-numeric:tabular-nums';

/**
 * Two-step verification: the methods of UserProfile's section, authenticator setup (QR code,
 * setup key, copy) and the backup codes panel. The QR code stays black on white in every theme:
 * scanners need that contrast, and many misread inverted codes.
 */
export const twoStepCss = (): string => `
.usher-twoStepMethod{display:flex;align-items:flex-start;justify-content:space-between;gap:${sp(0.75)};padding-block:${sp(0.25)}}
.usher-twoStepMethodText{display:flex;flex-direction:column;gap:${sp(0.125)};min-width:0;overflow-wrap:anywhere}
.usher-twoStepMethod__phoneCode{flex-direction:column;align-items:stretch}
.usher-twoStepMethodText>:first-child{font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-twoStepMethodDescription{color:${c('text-secondary')};font-size:0.9em}
.usher-qrCode{display:block;flex:none;width:${QR_CODE_SIZE_PX}px;height:${QR_CODE_SIZE_PX}px;border-radius:${rad(0.5)};background:#fff}
.usher-qrCode__loading{background:${c('neutral-a100')}}
.usher-totpSetup{display:flex;flex-direction:column;gap:${sp(1.25)}}
.usher-totpSetupSteps{display:flex;flex-direction:column;gap:${sp(0.5)};padding-inline-start:1.5em;color:${c('text')}}
.usher-totpSetupStep{padding-inline-start:${sp(0.25)}}
.usher-totpSetupStep>:not(:first-child){margin-block-start:${sp(0.75)}}
.usher-totpSetupActions{display:flex;flex-wrap:wrap;align-items:center;gap:${sp(0.5)}}
.usher-totpSetupManual{display:flex;flex-direction:column;gap:${sp(0.5)};color:${c('text')}}
.usher-totpSetupSecret{${MONO};display:block;padding:${sp(0.5)} ${sp(0.75)};border:1px solid ${c('neutral-a200')};border-radius:${rad(0.75)};background:${c('background')};color:${c('text')};letter-spacing:0.05em;overflow-wrap:anywhere;user-select:all}
.usher-copyStatus{color:${c('text-secondary')};font-size:0.9em}
.usher-backupCodes{display:flex;flex-direction:column;gap:${sp(1)}}
.usher-backupCodesList{${MONO};display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:${sp(0.375)} ${sp(1)};padding:${sp(0.75)} ${sp(1)};border:1px solid ${c('neutral-a200')};border-radius:${rad(0.75)};background:${c('background')};color:${c('text')};list-style:none}
.usher-backupCodesItem{letter-spacing:0.05em;user-select:all}
.usher-backupCodesActions{display:flex;flex-wrap:wrap;align-items:center;gap:${sp(0.5)}}
`;
