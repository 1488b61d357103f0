import type { OAuthStrategy } from '@usher/core';
import { useState } from 'react';
import { useAppearance, useElements } from '../../appearance/use-elements.ts';
import { useUsher } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { ssoCallbackUrl } from './sso-callback-url.ts';
import { Button } from '../../primitives/Button.tsx';
import { ProviderIcon } from './provider-icons.tsx';
import { socialButtonsVariant, useSocialProviders } from './social-providers.ts';

export interface SocialButtonsProps {
  /** What a button starts: a sign-in or a sign-up (the SDK then leaves for the provider's page). */
  flow: 'signIn' | 'signUp';
  /** The page the provider returns to; default the component's own `sso-callback` route. */
  oauthRedirectUrl?: string | undefined;
  /** Where to go once signed in. */
  target: () => string;
  /** Sign-up: the person accepted the terms first. */
  legalAccepted?: boolean | undefined;
  /** A start that failed (provider unreachable, not allowed…): the step shows it in its alert. */
  onError: (caught: unknown) => void;
  /** The step's form is busy: no provider can start meanwhile. */
  disabled?: boolean;
}

/**
 * One button per provider of the instance (`appearance.layout.socialButtonsVariant`: full-width
 * "Continue with Google" buttons, or a row of icon buttons named the same way for assistive
 * tech). The provider being started shows a spinner (`__loading`); the others wait, disabled.
 */
export function SocialButtons({ flow, oauthRedirectUrl, target, legalAccepted, onError, disabled }: SocialButtonsProps) {
  const el = useElements();
  const usher = useUsher();
  const { href } = useRouter();
  const { layout } = useAppearance();
  const { t } = useLocalization();
  const providers = useSocialProviders();
  const [starting, setStarting] = useState<string | null>(null);
  const variant = socialButtonsVariant(layout, providers.length);
  const element = variant === 'iconButton' ? 'socialButtonsIconButton' : 'socialButtonsBlockButton';

  const start = async (strategy: OAuthStrategy) => {
    setStarting(strategy);
    try {
      const page = usher.environment?.displayConfig[flow === 'signIn' ? 'signInUrl' : 'signUpUrl'] ?? (flow === 'signIn' ? '/sign-in' : '/sign-up');
      const params = { strategy, redirectUrl: ssoCallbackUrl(oauthRedirectUrl, href, page), redirectUrlComplete: target() };
      // On success the page is being left: the spinner stays until it is gone.
      await (flow === 'signIn' ? usher.signIn.authenticateWithRedirect(params) : usher.signUp.authenticateWithRedirect({ ...params, legalAccepted }));
    } catch (caught) {
      setStarting(null);
      onError(caught);
    }
  };

  return (
    <div {...el('socialButtons')} data-variant={variant}>
      {providers.map((provider) => {
        const label = t(variant === 'iconButton' ? 'socialButtonsIconButton' : 'socialButtonsBlockButton', { provider: provider.name });
        const loading = starting === provider.strategy;
        const icon = <ProviderIcon provider={provider} {...el('socialButtonsProviderIcon', { id: provider.provider })} />;
        return (
          <Button
            key={provider.strategy}
            variant="secondary"
            element={element}
            elementId={provider.provider}
            loading={loading}
            disabled={disabled || (starting !== null && !loading)}
            aria-label={variant === 'iconButton' ? label : undefined}
            title={variant === 'iconButton' ? label : undefined}
            onClick={() => void start(provider.strategy)}
          >
            {variant === 'iconButton' ? (
              loading ? null : icon
            ) : (
              <>
                {loading ? null : icon}
                <span {...el('socialButtonsBlockButtonText', { id: provider.provider })}>{label}</span>
              </>
            )}
          </Button>
        );
      })}
    </div>
  );
}
