import { c, FOCUS_RING, LINK, LINK_HOVER, rad, sp, WEIGHT_BOLD, WEIGHT_MEDIUM } from './tokens.ts';

/** Root, card, header, footer, logo, divider, alert, badge, spinner, avatar. */
export const frameCss = (): string => `
.usher-rootBox{display:flex;flex-direction:column;align-items:center;gap:${sp(1.5)};box-sizing:border-box;font-family:var(--usher-font-family);font-size:var(--usher-font-size);font-weight:var(--usher-font-weight-normal);line-height:1.5;color:${c('text')};text-align:start;-webkit-font-smoothing:antialiased;-moz-osx-font-smoothing:grayscale}
.usher-rootBox[data-usher-inline]{display:inline-flex;flex-direction:row}
.usher-rootBox *,.usher-rootBox *::before,.usher-rootBox *::after{box-sizing:border-box}
.usher-rootBox :where(h1,h2,h3,h4,p,ul,ol,li,figure,fieldset,legend){margin:0;padding:0}
.usher-rootBox :where(fieldset){border:0;min-width:0}
.usher-rootBox :focus-visible{${FOCUS_RING}}
.usher-srOnly{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.usher-cardBox{display:flex;flex-direction:column;width:25rem;max-width:calc(100vw - 2rem);background:${c('background')};border:1px solid ${c('neutral-a200')};border-radius:${rad(1.5)};box-shadow:0 1px 2px ${c('neutral-a100')},0 12px 32px -8px ${c('neutral-a200')};overflow:hidden;isolation:isolate}
.usher-card{display:flex;flex-direction:column;gap:${sp(1.5)};padding:${sp(2)};background:${c('background')};color:${c('text')}}
.usher-card[aria-busy=true]{cursor:progress}
.usher-header{position:relative;display:flex;flex-direction:column;align-items:center;gap:${sp(0.25)};text-align:center}
.usher-headerTitle{font-size:1.25em;font-weight:${WEIGHT_BOLD};line-height:1.3;letter-spacing:-0.01em;color:${c('text')}}
.usher-headerSubtitle{color:${c('text-secondary')};overflow-wrap:anywhere}
.usher-headerBackLink{position:absolute;inset-inline-start:0;top:0;display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;padding:0;border:0;border-radius:50%;background:none;color:${c('text-secondary')};cursor:pointer}
.usher-headerBackLink:hover{background:${c('neutral-a100')};color:${c('text')}}
.usher-headerBackIcon{width:1rem;height:1rem}
.usher-main{display:flex;flex-direction:column;gap:${sp(1.5)}}
.usher-logoBox{display:flex;justify-content:center;height:2.5rem;margin-bottom:${sp(0.5)}}
.usher-logoBox a{display:inline-flex;border-radius:${rad(0.5)}}
.usher-logoImage{display:block;height:100%;max-width:100%;object-fit:contain}
.usher-footer{display:flex;flex-direction:column;align-items:center;gap:${sp(0.5)};padding:${sp(1)} ${sp(2)};background:${c('neutral-a50')};border-top:1px solid ${c('neutral-a100')};color:${c('text-secondary')};text-align:center}
.usher-footerAction{display:flex;flex-wrap:wrap;justify-content:center;gap:${sp(0.25)}}
.usher-footerActionText{color:${c('text-secondary')}}
.usher-footerActionLink,.usher-formFieldAction,.usher-legalConsentLink,.usher-backLink{${LINK};background:none;border:0;padding:0;font:inherit;font-weight:${WEIGHT_MEDIUM}}
.usher-footerActionLink:hover,.usher-formFieldAction:hover,.usher-legalConsentLink:hover,.usher-backLink:hover{${LINK_HOVER}}
.usher-footerPages{display:flex;flex-wrap:wrap;justify-content:center;gap:${sp(1)};font-size:0.85em}
.usher-footerPagesLink{color:${c('text-secondary')};text-decoration:none;border-radius:${rad(0.25)}}
.usher-footerPagesLink:hover{color:${c('text')};text-decoration:underline}
.usher-dividerRow{display:flex;align-items:center;gap:${sp(1)}}
.usher-dividerLine{flex:1;height:1px;background:${c('neutral-a200')}}
.usher-dividerText{color:${c('text-secondary')};font-size:0.9em}
.usher-alert{display:flex;align-items:flex-start;gap:${sp(0.75)};padding:${sp(0.75)} ${sp(1)};border:1px solid ${c('danger-a300')};border-radius:${rad(1)};background:${c('danger-a50')};color:${c('text')}}
.usher-alert[data-variant=warning]{border-color:${c('warning-a300')};background:${c('warning-a50')}}
.usher-alert[data-variant=success]{border-color:${c('success-a300')};background:${c('success-a50')}}
.usher-alert[data-variant=info]{border-color:${c('primary-a300')};background:${c('primary-a50')}}
.usher-alertIcon{flex:none;width:1.1em;height:1.1em;margin-top:0.2em;color:${c('danger')}}
.usher-alert[data-variant=warning] .usher-alertIcon{color:${c('warning')}}
.usher-alert[data-variant=success] .usher-alertIcon{color:${c('success')}}
.usher-alert[data-variant=info] .usher-alertIcon{color:${c('primary')}}
.usher-alertText{flex:1;min-width:0;overflow-wrap:anywhere}
.usher-badge{display:inline-flex;align-items:center;padding:${sp(0.125)} ${sp(0.5)};border-radius:999px;background:${c('neutral-a100')};color:${c('text-secondary')};font-size:0.8em;font-weight:${WEIGHT_MEDIUM};line-height:1.4;white-space:nowrap}
.usher-badge[data-variant=primary]{background:${c('primary-a100')};color:${c('primary')}}
.usher-badge[data-variant=danger]{background:${c('danger-a100')};color:${c('danger')}}
.usher-badge[data-variant=success]{background:${c('success-a100')};color:${c('success')}}
.usher-spinner{display:inline-block;flex:none;width:1em;height:1em;border:2px solid currentColor;border-inline-end-color:transparent;border-radius:50%;animation:usher-spin 0.65s linear infinite;vertical-align:-0.125em}
.usher-spinner[data-size=lg]{width:2rem;height:2rem;border-width:3px;color:${c('primary')}}
.usher-avatarBox{--usher-avatar-size:2rem;position:relative;display:inline-flex;flex:none;align-items:center;justify-content:center;width:var(--usher-avatar-size);height:var(--usher-avatar-size);border-radius:50%;overflow:hidden;background:${c('neutral-a100')};color:${c('text')};font-size:calc(var(--usher-avatar-size)*0.4);font-weight:${WEIGHT_MEDIUM};line-height:1;user-select:none}
.usher-avatarImage,.usher-avatarMarble{display:block;width:100%;height:100%;object-fit:cover}
.usher-avatarInitials{text-transform:uppercase;letter-spacing:0.02em}
`;
