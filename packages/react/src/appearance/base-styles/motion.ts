/**
 * Keyframes and the motion switches. Kept last in the base sheet so they override the transitions
 * declared above. Spinners keep spinning (slower) under reduced motion: they carry meaning.
 */
export const motionCss = (): string => `
@keyframes usher-spin{to{transform:rotate(360deg)}}
@keyframes usher-pop-in{from{opacity:0;transform:translateY(-4px) scale(0.98)}}
@keyframes usher-fade-in{from{opacity:0}}
@media (prefers-reduced-motion:reduce){.usher-rootBox *,.usher-rootBox *::before,.usher-rootBox *::after{transition-duration:0s;animation-duration:0s}.usher-rootBox .usher-spinner{animation-duration:1.6s}}
.usher-rootBox[data-usher-animations=off] *,.usher-rootBox[data-usher-animations=off] *::before,.usher-rootBox[data-usher-animations=off] *::after{transition:none;animation:none}
@media (max-width:30em){.usher-card{padding:${'calc(var(--usher-spacing)*1.5)'}}.usher-formFieldRow{flex-direction:column}}
@media (pointer:coarse){.usher-formFieldInput{font-size:max(16px,1em)}}
@media (forced-colors:active){.usher-button,.usher-formFieldInput,.usher-otpCodeFieldInput,.usher-cardBox{border:1px solid ButtonText}}
`;
