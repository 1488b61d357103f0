import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';
import { SignInContinue } from './SignInContinue.tsx';
import { SignInSsoCallback } from './SignInSsoCallback.tsx';

/** The steps only a provider's return leads to (one chunk, loaded on demand): the return page, then `continue`. */
export function SignInOAuthStep() {
  return useRouter().route === SIGN_IN_ROUTES.continue ? <SignInContinue /> : <SignInSsoCallback />;
}
