import type { SignInFactor, SecondFactorStrategy } from '@usher/core';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';

/** The second-factor step's route for one factor: `factor-two?strategy=…` (and `&phone=` for a number). */
export function secondFactorRoute(factor: SignInFactor<SecondFactorStrategy>): string {
  const params = new URLSearchParams({ strategy: factor.strategy });
  if (factor.phoneNumberId) params.set('phone', factor.phoneNumberId);
  return `${SIGN_IN_ROUTES.secondFactor}?${params.toString()}`;
}

/** The factor a route asks for (`strategy`, `phone`), else the default one (the server lists it first). */
export function chosenSecondFactor(factors: readonly SignInFactor<SecondFactorStrategy>[], strategy: string | null, phone: string | null): SignInFactor<SecondFactorStrategy> | null {
  const asked = factors.find((f) => f.strategy === strategy && (f.strategy !== 'phone_code' || phone === null || f.phoneNumberId === phone));
  return asked ?? factors.find((f) => f.default) ?? factors[0] ?? null;
}
