import { useEffect, useRef, useState } from 'react';
import type { FirstFactorStrategy } from '@usher/core';
import { useElements } from '../../appearance/use-elements.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { linkLandingUrl } from './email-link-landing.ts';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';
import { useStepError } from './use-step-error.tsx';

const NO_FIELDS: readonly string[] = [];
const STEP_OF: Partial<Record<FirstFactorStrategy, string>> = {
  password: SIGN_IN_ROUTES.password,
  email_code: SIGN_IN_ROUTES.emailCode,
  email_link: SIGN_IN_ROUTES.emailLink,
  reset_password_email_code: SIGN_IN_ROUTES.forgotPassword,
};

/** The button text of each factor; the order on screen is the attempt's. */
function factorLabel(strategy: FirstFactorStrategy): 'signIn.alternativeMethods.blockButton__emailCode' | 'signIn.alternativeMethods.blockButton__emailLink' | 'signIn.alternativeMethods.blockButton__password' | 'signIn.alternativeMethods.blockButton__resetPassword' {
  if (strategy === 'email_code') return 'signIn.alternativeMethods.blockButton__emailCode';
  if (strategy === 'email_link') return 'signIn.alternativeMethods.blockButton__emailLink';
  if (strategy === 'reset_password_email_code') return 'signIn.alternativeMethods.blockButton__resetPassword';
  return 'signIn.alternativeMethods.blockButton__password';
}

/** "Use another method": every first factor of the attempt (password reset included) except the one the user came from. */
export function SignInAlternativeMethods() {
  const attempt = useActiveAttempt();
  const el = useElements();
  const { t } = useLocalization();
  const { navigate, searchParams, href } = useRouter();
  const { environment } = useUsherSnapshot();
  const error = useStepError(NO_FIELDS);
  const [pending, setPending] = useState<FirstFactorStrategy | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const from = searchParams.get('from');

  useEffect(() => first.current?.focus(), []);

  if (!attempt) return null;
  const identifier = attempt.identifier ?? '';
  const factors = attempt.supportedFirstFactors.filter((factor) => factor.strategy !== from && STEP_OF[factor.strategy]);
  const back = from && STEP_OF[from as FirstFactorStrategy];

  const choose = async (strategy: FirstFactorStrategy) => {
    error.clear();
    setPending(strategy);
    try {
      if (strategy === 'email_link') await attempt.prepareFirstFactor({ strategy, redirectUrl: linkLandingUrl(href, environment?.displayConfig.signInUrl ?? '/sign-in') });
      else if (strategy === 'email_code' || strategy === 'reset_password_email_code') await attempt.prepareFirstFactor({ strategy });
      await navigate(STEP_OF[strategy] ?? SIGN_IN_ROUTES.start);
    } catch (caught) {
      error.report(caught);
      setPending(null);
    }
  };

  return (
    <Card title={t('signIn.alternativeMethods.title')} subtitle={t('signIn.alternativeMethods.subtitle')} onBack={back ? () => void navigate(back) : undefined} backLabel={t('signIn.alternativeMethodsBack')}>
      <SignInIdentity attempt={attempt} />
      {error.alert}
      <div {...el('alternativeMethods')}>
        {factors.map((factor, index) => (
          <Button
            key={factor.strategy}
            ref={index === 0 ? first : undefined}
            variant="secondary"
            element="alternativeMethodsBlockButton"
            elementId={factor.strategy}
            loading={pending === factor.strategy}
            disabled={error.waiting}
            onClick={() => void choose(factor.strategy)}
          >
            <span {...el('alternativeMethodsBlockButtonText')}>
              {t(factorLabel(factor.strategy), { identifier: factor.safeIdentifier ?? identifier })}
            </span>
          </Button>
        ))}
      </div>
    </Card>
  );
}
