import { c, rad, sp, WEIGHT_MEDIUM } from './tokens.ts';

/** UserButton, user preview, menus, popovers, modals and the UserProfile frame. */
export const menusCss = (): string => `
.usher-userButtonBox{position:relative;display:inline-flex;align-items:center}
.usher-userButtonTrigger,.usher-menuButton{display:inline-flex;align-items:center;gap:${sp(0.5)};margin:0;padding:${sp(0.125)};border:0;border-radius:999px;background:none;color:inherit;font:inherit;cursor:pointer}
.usher-userButtonTrigger:hover .usher-avatarBox{box-shadow:0 0 0 2px ${c('neutral-a200')}}
.usher-userButtonAvatarBox{--usher-avatar-size:2rem}
.usher-userButtonOuterIdentifier{padding-inline-end:${sp(0.25)};font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-popoverBox,.usher-userButtonPopoverCard{z-index:1000;display:flex;flex-direction:column;min-width:16rem;max-width:calc(100vw - 1rem);overflow:hidden;background:${c('background')};color:${c('text')};border:1px solid ${c('neutral-a200')};border-radius:${rad(1.5)};box-shadow:0 4px 8px -2px ${c('neutral-a100')},0 16px 32px -8px ${c('neutral-a300')};animation:usher-pop-in 0.14s ease-out}
.usher-userButtonPopoverCard{width:20rem}
.usher-userButtonPopoverMain{display:flex;flex-direction:column;gap:${sp(0.75)};padding:${sp(1)} ${sp(1.25)}}
.usher-userButtonPopoverActions{display:flex;flex-direction:column;padding:${sp(0.25)};border-top:1px solid ${c('neutral-a100')}}
.usher-userButtonPopoverActionButtonIcon{flex:none;width:1rem;height:1rem;color:${c('text-secondary')}}
.usher-userButtonPopoverFooter{display:flex;justify-content:center;padding:${sp(0.75)} ${sp(1.25)};border-top:1px solid ${c('neutral-a100')};background:${c('neutral-a50')};color:${c('text-secondary')};font-size:0.85em}
.usher-userPreview{display:flex;align-items:center;gap:${sp(0.75)};min-width:0}
.usher-userPreviewAvatarBox{--usher-avatar-size:2.5rem}
.usher-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0}
.usher-userPreviewMainIdentifier,.usher-userPreviewSecondaryIdentifier{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.usher-userPreviewMainIdentifier{font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-userPreviewSecondaryIdentifier{color:${c('text-secondary')};font-size:0.9em}
.usher-menuList{display:flex;flex-direction:column;gap:1px;margin:0;padding:${sp(0.25)};list-style:none}
.usher-menuItem{display:flex;align-items:center;gap:${sp(0.75)};width:100%;margin:0;padding:${sp(0.625)} ${sp(0.75)};border:0;border-radius:${rad(0.75)};background:none;color:${c('text')};font:inherit;text-align:start;text-decoration:none;cursor:pointer}
.usher-menuItem:hover,.usher-menuItem:focus{background:${c('neutral-a100')};outline:none}
.usher-menuItem:focus-visible{outline:2px solid ${c('primary')};outline-offset:-2px}
.usher-menuItem[aria-disabled=true]{opacity:0.55;cursor:not-allowed}
.usher-menuItemIcon{flex:none;width:1rem;height:1rem;color:${c('text-secondary')}}
.usher-modalBackdrop{position:fixed;inset:0;z-index:1000;display:flex;align-items:flex-start;justify-content:center;padding:4rem ${sp(1)};overflow:auto;background:rgb(0 0 0 / 0.5);animation:usher-fade-in 0.15s ease-out}
.usher-modalContent{position:relative;outline:none;animation:usher-pop-in 0.18s ease-out}
.usher-modalCloseButton{position:absolute;top:${sp(0.75)};inset-inline-end:${sp(0.75)};z-index:1;display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;padding:0;border:0;border-radius:50%;background:none;color:${c('text-secondary')};cursor:pointer}
.usher-modalCloseButton:hover{background:${c('neutral-a100')};color:${c('text')}}
.usher-rootBox[data-usher-component=userProfile] .usher-cardBox{flex-direction:row;width:56rem;min-height:36rem}
.usher-navbar{display:flex;flex-direction:column;gap:${sp(0.25)};width:14rem;flex:none;padding:${sp(1.5)} ${sp(1)};border-inline-end:1px solid ${c('neutral-a100')};background:${c('neutral-a50')}}
.usher-navbarButton{display:flex;align-items:center;gap:${sp(0.5)};padding:${sp(0.5)} ${sp(0.75)};border:0;border-radius:${rad(0.75)};background:none;color:${c('text-secondary')};font:inherit;font-weight:${WEIGHT_MEDIUM};text-align:start;cursor:pointer}
.usher-navbarButton:hover{color:${c('text')};background:${c('neutral-a100')}}
.usher-navbarButton[aria-current=page]{color:${c('text')};background:${c('neutral-a100')}}
.usher-navbarButtonIcon{width:1rem;height:1rem;flex:none}
.usher-navbarMobileMenuButton{display:none}
.usher-pageScrollBox{flex:1;min-width:0;padding:${sp(2)};overflow:auto}
.usher-page,.usher-profilePage{display:flex;flex-direction:column;gap:${sp(1.5)}}
.usher-profileSection{display:grid;grid-template-columns:minmax(9rem,13rem) 1fr;gap:${sp(1)};padding-block:${sp(1)};border-top:1px solid ${c('neutral-a100')}}
.usher-profileSectionTitleText{font-weight:${WEIGHT_MEDIUM};color:${c('text')}}
.usher-profileSectionContent,.usher-profileSectionItemList{display:flex;flex-direction:column;gap:${sp(0.5)};min-width:0;list-style:none}
.usher-profileSectionItem{display:flex;align-items:center;justify-content:space-between;gap:${sp(0.5)}}
.usher-profileSectionActions{display:flex;flex-wrap:wrap;gap:${sp(0.5)}}
.usher-connectedAccount{display:flex;align-items:center;gap:${sp(0.75)};min-width:0}
.usher-connectedAccount .usher-socialButtonsProviderIcon{width:1.25rem;height:1.25rem}
.usher-connectedAccountText{display:flex;flex-direction:column;min-width:0}
.usher-connectedAccountIdentifier{overflow:hidden;color:${c('text-secondary')};font-size:0.9em;text-overflow:ellipsis;white-space:nowrap}
@media (max-width:48em){.usher-rootBox[data-usher-component=userProfile] .usher-cardBox{flex-direction:column}.usher-navbar{display:none}.usher-navbar[data-state=open]{display:flex;width:auto}.usher-navbarMobileMenuButton{display:inline-flex}.usher-profileSection{grid-template-columns:1fr}}
`;
