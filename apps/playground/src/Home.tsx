import { Loading, SignedIn, SignedOut } from '@usher/react';
import { Link } from './Link.tsx';
import { Account } from './Account.tsx';

/** The public home: a way in when signed out, the account when signed in. */
export function Home() {
  return (
    <>
      <Loading>
        <p className="muted" role="status">Loading…</p>
      </Loading>
      <SignedOut>
        <section className="card" aria-labelledby="home-title">
          <h1 id="home-title">Welcome to the Usher playground</h1>
          <p>
            <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link>. Verification codes land in the{' '}
            <Link href="/mailbox">dev mailbox</Link>.
          </p>
        </section>
      </SignedOut>
      <SignedIn>
        <Account />
      </SignedIn>
    </>
  );
}
