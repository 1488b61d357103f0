import { useEffect } from 'react';
import { AuthenticateWithRedirectCallback, Protect, SignedIn, SignedOut, SignIn, SignUp, UserButton, UserProfile } from '@usher/react';
import { Link } from './Link.tsx';
import { Mailbox } from './Mailbox.tsx';
import { Home } from './Home.tsx';
import { replace, usePathname } from './router.ts';

function under(pathname: string, base: string) {
  return pathname === base || pathname.startsWith(`${base}/`);
}

function Page({ pathname }: { pathname: string }) {
  // Social sign-in: providers send people back to /sso-callback (register `<origin>/v1/oauth_callback` with them).
  if (under(pathname, '/sign-in')) return <SignIn routing="path" path="/sign-in" signUpUrl="/sign-up" fallbackRedirectUrl="/" oauthRedirectUrl="/sso-callback" />;
  if (under(pathname, '/sign-up')) return <SignUp routing="path" path="/sign-up" signInUrl="/sign-in" fallbackRedirectUrl="/" oauthRedirectUrl="/sso-callback" />;
  if (pathname === '/sso-callback') return <AuthenticateWithRedirectCallback signInUrl="/sign-in" signUpUrl="/sign-up" />;
  if (under(pathname, '/mailbox')) return <Mailbox />;
  if (under(pathname, '/account')) {
    return (
      <Protect fallback={<p className="card">Sign in to manage your account.</p>}>
        <UserProfile routing="path" path="/account" oauthRedirectUrl="/sso-callback" />
      </Protect>
    );
  }
  if (under(pathname, '/protected')) {
    return (
      <Protect
        fallback={
          <section className="card" aria-labelledby="protected-title">
            <h1 id="protected-title">Sign in required</h1>
            <p>This page is only for signed-in users. <Link href="/sign-in?redirect_url=%2Fprotected">Sign in</Link> to see it.</p>
          </section>
        }
      >
        <section className="card" aria-labelledby="protected-title">
          <h1 id="protected-title">Protected page</h1>
          <p>Only signed-in users see this content.</p>
        </section>
      </Protect>
    );
  }
  return <Home />;
}

export function App() {
  const pathname = usePathname();
  // Links from before the path routes (e.g. #/mailbox in old bookmarks) still land on the right page.
  useEffect(() => {
    if (window.location.hash === '#/mailbox') replace('/mailbox');
  }, []);

  return (
    <>
      <header className="topbar">
        <Link className="brand" href="/">Usher playground</Link>
        <nav aria-label="Main">
          <Link href="/protected">Protected</Link>
          <Link href="/mailbox">Dev mailbox</Link>
          <SignedOut>
            <Link href="/sign-in">Sign in</Link>
            <Link href="/sign-up">Create account</Link>
          </SignedOut>
          <SignedIn>
            <Link href="/account">Account</Link>
            <UserButton afterSignOutUrl="/sign-in" />
          </SignedIn>
        </nav>
      </header>
      <main className="page">
        <Page pathname={pathname} />
      </main>
    </>
  );
}
