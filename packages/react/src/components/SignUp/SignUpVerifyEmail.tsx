import { useState } from 'react';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { signUpLinkPageUrl, verificationWays } from './sign-up-link.ts';
import { SignUpEmailCode } from './SignUpEmailCode.tsx';
import { SignUpEmailLinkSent } from './SignUpEmailLinkSent.tsx';

/**
 * The second step: the address is verified the way the instance allows — a 6-digit code, a link,
 * or either ("Email me a link instead" / "Enter a code instead"; codes first). It opens on what
 * was sent last, so a reload stays on the link's "check your email".
 */
export function SignUpVerifyEmail() {
  const { signUp, environment } = useUsherSnapshot();
  const { href } = useRouter();
  const { codes, links } = verificationWays(environment);
  const [mode, setMode] = useState<'code' | 'link'>(() => (!codes || (links && signUp?.verifications.emailAddress?.strategy === 'email_link') ? 'link' : 'code'));

  if (mode === 'link') {
    const sendCode = async () => {
      await signUp?.prepareEmailAddressVerification({ strategy: 'email_code' });
      setMode('code');
    };
    return <SignUpEmailLinkSent key="link" onUseCode={codes ? sendCode : undefined} />;
  }
  const sendLink = async () => {
    await signUp?.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: signUpLinkPageUrl(href, environment) });
    setMode('link');
  };
  return <SignUpEmailCode key="code" onUseLink={links ? sendLink : undefined} />;
}
