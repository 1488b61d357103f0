import type { StartedSignIn } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { IdentityPreview } from '../../primitives/IdentityPreview.tsx';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES, useSignInFlow } from './sign-in-context.ts';

/** "ada@example.com ✎" on the factor steps; the pencil goes back to the identifier, value kept. */
export function SignInIdentity({ attempt }: { attempt: StartedSignIn }) {
  const { environment } = useUsherSnapshot();
  const { navigate } = useRouter();
  const flow = useSignInFlow();
  const identifier = attempt.identifier ?? flow.identifier;
  const user = attempt.userData;
  const name = [user?.firstName, user?.lastName].filter(Boolean).join(' ') || identifier;
  return (
    <IdentityPreview
      identifier={identifier}
      avatar={{ imageUrl: user?.hasImage ? user.imageUrl : null, name, fallback: environment?.displayConfig.defaultAvatar ?? 'initials' }}
      onEdit={() => {
        flow.setIdentifier(identifier);
        void navigate(SIGN_IN_ROUTES.start);
      }}
    />
  );
}
