/**
 * What the two-step verification tests of <UserProfile/> share: its Security page for a signed-in
 * Usher, answering the "Two-step verification" region once it shows. Test-only; not exported.
 */
import type { Usher } from '@usher/core';
import { render, screen } from '@testing-library/react';
import { UserProfileInternal } from '../components/UserProfile/UserProfile.tsx';
import { UsherProvider } from '../provider/UsherProvider.tsx';

export async function renderTwoStepSection(usher: Usher): Promise<HTMLElement> {
  render(
    <UsherProvider usher={usher}>
      <UserProfileInternal routing="virtual" initialRoute="security" />
    </UsherProvider>,
  );
  return screen.findByRole('region', { name: 'Two-step verification' });
}
