import type { Usher } from '@usher/core';
import { useHashRoute, useUsherSnapshot } from './use-usher.ts';
import { SignInFlow } from './SignInFlow.tsx';
import { SignUpFlow } from './SignUpFlow.tsx';
import { SignedInPage } from './SignedInPage.tsx';
import { Mailbox } from './Mailbox.tsx';

export function App({ usher }: { usher: Usher }) {
  const route = useHashRoute();
  const snapshot = useUsherSnapshot(usher);

  let page;
  if (route === '/mailbox') page = <Mailbox />;
  else if (!snapshot.isLoaded) page = <p className="muted" role="status">Loading…</p>;
  else if (snapshot.user) page = <SignedInPage usher={usher} />;
  else if (route === '/sign-up') page = <SignUpFlow usher={usher} />;
  else page = <SignInFlow usher={usher} />;

  return (
    <>
      <header className="topbar">
        <a className="brand" href="#/">Usher playground</a>
        <nav aria-label="Main">
          {snapshot.user ? null : (
            <>
              <a href="#/sign-in" aria-current={route === '/sign-in' || route === '/' ? 'page' : undefined}>Sign in</a>
              <a href="#/sign-up" aria-current={route === '/sign-up' ? 'page' : undefined}>Create account</a>
            </>
          )}
          <a href="#/mailbox" aria-current={route === '/mailbox' ? 'page' : undefined}>Dev mailbox</a>
        </nav>
      </header>
      <main className="page">{page}</main>
    </>
  );
}
