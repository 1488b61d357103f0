import { useEffect, useRef } from 'react';
import type { SecondFactorStrategy, SignInFactor, SignInStatus } from '@usher/core';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { Card } from '../../primitives/Card.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { secondFactorRoute } from './second-factor-route.ts';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';
import { SignInIdentity } from './SignInIdentity.tsx';
import { useActiveAttempt } from './use-active-attempt.ts';

const STATUSES: readonly SignInStatus[] = ['needs_second_factor'];

const LABEL = {
  totp: 'twoStepSignIn.methods.totp',
  phone_code: 'twoStepSignIn.methods.phoneCode',
  backup_code: 'twoStepSignIn.methods.backupCode',
} as const;

/** "Use another method" at the second step: every second factor of the account but the one the user came from. */
export function SignInSecondFactorMethods() {
  const attempt = useActiveAttempt(STATUSES);
  const el = useElements();
  const { t } = useLocalization();
  const { navigate, searchParams } = useRouter();
  const first = useRef<HTMLButtonElement>(null);
  const from = searchParams.get('from');

  useEffect(() => first.current?.focus(), []);

  if (!attempt) return null;
  const all = attempt.supportedSecondFactors ?? [];
  // Several numbers may be reserved: each is its own choice; only the single-choice method the user left is hidden.
  const factors = all.filter((factor) => factor.strategy === 'phone_code' || factor.strategy !== from);
  const back = () => void navigate(from ? `${SIGN_IN_ROUTES.secondFactor}?strategy=${encodeURIComponent(from)}` : SIGN_IN_ROUTES.secondFactor);
  const key = (factor: SignInFactor<SecondFactorStrategy>) => `${factor.strategy}:${factor.phoneNumberId ?? ''}`;

  return (
    <Card title={t('twoStepSignIn.methods.title')} subtitle={t('twoStepSignIn.methods.subtitle')} onBack={back} backLabel={t('twoStepSignIn.methods.back')}>
      <SignInIdentity attempt={attempt} />
      <div {...el('alternativeMethods')}>
        {factors.map((factor, index) => (
          <Button
            key={key(factor)}
            ref={index === 0 ? first : undefined}
            variant="secondary"
            element="alternativeMethodsBlockButton"
            elementId={factor.strategy}
            onClick={() => void navigate(secondFactorRoute(factor))}
          >
            <span {...el('alternativeMethodsBlockButtonText')}>{t(LABEL[factor.strategy], { identifier: factor.safeIdentifier ?? '' })}</span>
          </Button>
        ))}
      </div>
    </Card>
  );
}
