import { lazy, Suspense, type ReactNode } from 'react';
import { useAppearance, useElements } from '../../appearance/use-elements.ts';
import { Divider } from '../../primitives/Divider.tsx';
import type { SocialButtonsProps } from './SocialButtons.tsx';
import { socialButtonsVariant, useSocialProviders } from './social-providers.ts';

// Loaded as soon as the instance lists a provider, so a page without any never downloads them.
const SocialButtons = lazy(() => import('./SocialButtons.tsx').then((m) => ({ default: m.SocialButtons })));

/**
 * A step's form with the social buttons above it or below it (`appearance.layout.socialButtonsPlacement`),
 * an "or" divider between. Just the form when the instance has no provider. While the buttons
 * load, boxes of their size hold their place, so the form does not move.
 */
export function WithSocialButtons({ children, ...props }: SocialButtonsProps & { children: ReactNode }) {
  const el = useElements();
  const { layout } = useAppearance();
  const providers = useSocialProviders();
  if (providers.length === 0) return <>{children}</>;
  const variant = socialButtonsVariant(layout, providers.length);
  const placeholder = (
    <div {...el('socialButtons')} data-variant={variant} aria-busy="true">
      {providers.map((p) => (
        <span key={p.strategy} {...el(['button', variant === 'iconButton' ? 'socialButtonsIconButton' : 'socialButtonsBlockButton'])} data-variant="secondary" aria-hidden="true" />
      ))}
    </div>
  );
  const buttons = (
    <Suspense fallback={placeholder}>
      <SocialButtons {...props} />
    </Suspense>
  );
  const top = layout.socialButtonsPlacement !== 'bottom';
  return (
    <>
      {top ? buttons : children}
      <Divider />
      {top ? children : buttons}
    </>
  );
}
