import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SignUp } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { useLeaveWhenSignedIn } from '../shared/use-leave-when-signed-in.ts';
import { SSO_CALLBACK_ROUTE } from '../SocialButtons/sso-callback-url.ts';
import { afterSignUpUrl, signInPageUrl, type AfterAuthRedirectProps } from './redirect.ts';
import type { SignUpFormField } from './sign-up-fields.ts';

/** Values typed into the start step; kept above the steps so "edit email" comes back to them. */
export type SignUpFormValues = Record<SignUpFormField, string> & { legal_accepted: boolean };

export interface SignUpFlowValue {
  values: SignUpFormValues;
  setValue: <K extends keyof SignUpFormValues>(name: K, value: SignUpFormValues[K]) => void;
  /** Activates the session of a complete sign-up, then leaves for the after-sign-up URL. */
  finish: (signUp: SignUp) => Promise<void>;
  /** The "Sign in" link of the footer. */
  signInUrl: string;
  /** Someone is already signed in (single-session instance): the flow is leaving for its target. */
  leaving: boolean;
  /** Where a social / OpenID provider returns to (the prop; default the `sso-callback` route) and where to go after. */
  social: { oauthRedirectUrl: string | undefined; target: () => string };
}

const SignUpFlowContext = createContext<SignUpFlowValue | null>(null);

export interface SignUpFlowProviderProps extends AfterAuthRedirectProps {
  signInUrl?: string | undefined;
  /** The page a provider returns to; default SignUp's own `sso-callback` route. */
  oauthRedirectUrl?: string | undefined;
  initialValues?: Partial<Pick<SignUpFormValues, 'email_address' | 'username' | 'first_name' | 'last_name'>> | undefined;
  children?: ReactNode;
}

export function SignUpFlowProvider({ signInUrl, oauthRedirectUrl, forceRedirectUrl, fallbackRedirectUrl, initialValues, children }: SignUpFlowProviderProps) {
  const { environment } = useUsherSnapshot();
  const { redirect, route } = useRouter();
  const [values, setValues] = useState<SignUpFormValues>(() => ({
    first_name: initialValues?.first_name ?? '',
    last_name: initialValues?.last_name ?? '',
    username: initialValues?.username ?? '',
    email_address: initialValues?.email_address ?? '',
    password: '',
    legal_accepted: false,
  }));
  const setValue = useCallback(<K extends keyof SignUpFormValues>(name: K, value: SignUpFormValues[K]) => setValues((v) => ({ ...v, [name]: value })), []);

  const target = useCallback(() => afterSignUpUrl({ forceRedirectUrl, fallbackRedirectUrl }, environment), [forceRedirectUrl, fallbackRedirectUrl, environment]);
  // A provider's return page signs in and navigates by itself.
  const { leaving, finishing } = useLeaveWhenSignedIn(target, { stay: route === SSO_CALLBACK_ROUTE });
  const finish = useCallback(
    async (signUp: SignUp) => {
      finishing();
      await signUp.finalize();
      await redirect(target());
    },
    [redirect, target, finishing],
  );

  const signInHref = signInPageUrl(signInUrl, { forceRedirectUrl, fallbackRedirectUrl }, environment);
  const value = useMemo(() => ({ values, setValue, finish, signInUrl: signInHref, leaving, social: { oauthRedirectUrl, target } }), [values, setValue, finish, signInHref, leaving, oauthRedirectUrl, target]);
  return <SignUpFlowContext.Provider value={value}>{children}</SignUpFlowContext.Provider>;
}

export function useSignUpFlow(): SignUpFlowValue {
  const flow = useContext(SignUpFlowContext);
  if (!flow) throw new TypeError('SignUp steps must be rendered inside <SignUp>.');
  return flow;
}
