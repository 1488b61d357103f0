import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { signedInAs, usherStory } from '../stories-support/usher-story.ts';
import { Protect } from './Protect.tsx';

/** What an app puts behind Protect, and what a visitor without access sees instead. */
function BillingSettings() {
  return (
    <section aria-labelledby="billing-title">
      <h2 id="billing-title">Billing settings</h2>
      <p>Plan: Team, renews on the 1st.</p>
    </section>
  );
}

function AskForAccess() {
  return (
    <p role="status">
      You need access to see billing. <a href="/request-access">Ask an admin</a>
    </p>
  );
}

const meta = {
  title: 'Control/Protect',
  component: Protect,
  args: { children: <BillingSettings />, fallback: <AskForAccess /> },
} satisfies Meta<typeof Protect>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Signed in, no role or permission asked: the content shows. */
export const Allowed: Story = {
  ...usherStory({ seed: signedInAs() }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: 'Billing settings' })).toBeTruthy();
  },
};

const showsFallback: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await expect(await canvas.findByText(/You need access to see billing/)).toBeTruthy();
  await expect(canvas.queryByRole('heading', { name: 'Billing settings' })).toBeNull();
};

/** Nobody signed in: the fallback shows. */
export const DeniedSignedOut: Story = { ...usherStory(), play: showsFallback };

/** Signed in, but a role is asked and there is no active organization: fails closed to the fallback. */
export const DeniedWithoutRole: Story = { ...usherStory({ seed: signedInAs() }), args: { role: 'org:admin' }, play: showsFallback };

/** A condition over `has` that does not pass (a permission of another organization): the fallback. */
export const DeniedByCondition: Story = {
  ...usherStory({ seed: signedInAs() }),
  args: { condition: (has) => has({ permission: 'org:billing:manage' }) },
  play: showsFallback,
};

/** The SDK's requests are held: Protect renders nothing until Usher has loaded (no flash of either side). */
export const Loading: Story = usherStory({ network: 'held' });
