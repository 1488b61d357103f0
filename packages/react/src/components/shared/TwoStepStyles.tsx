import { useContext } from 'react';
import { AppearanceProviderContext } from '../../appearance/AppearanceContext.ts';
import { TWO_STEP_SHEET } from '../../appearance/base-styles/index.ts';
import { StyleSheet } from '../../appearance/StyleSheet.tsx';

/**
 * Emits the two-step verification base sheet where a two-step part renders, so pages that never
 * show one (a plain sign-in) never download its CSS. React 19 keeps one copy however many render.
 */
export function TwoStepStyles() {
  const { nonce } = useContext(AppearanceProviderContext);
  return <StyleSheet id={TWO_STEP_SHEET.id} css={TWO_STEP_SHEET.css} nonce={nonce} />;
}
