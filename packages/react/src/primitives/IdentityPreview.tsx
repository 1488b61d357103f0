import { forwardRef, type HTMLAttributes } from 'react';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';
import { Avatar } from './Avatar.tsx';
import { PencilIcon } from './icons.tsx';

export interface IdentityPreviewProps extends HTMLAttributes<HTMLDivElement> {
  /** What the user typed: an email address or a username. */
  identifier: string;
  /** Shows an avatar before the identifier. */
  avatar?: { imageUrl?: string | null; name?: string; fallback?: 'marble' | 'initials' } | null;
  /** Goes back to change the identifier; no button without it. */
  onEdit?: () => void;
  /** Accessible name of the edit button; default "Use a different email address or username". */
  editLabel?: string;
}

/**
 * "ada@example.com ✎" on the steps after the identifier: who is signing in, and a way back.
 * @example <IdentityPreview identifier={signIn.identifier} avatar={{ imageUrl: userData?.imageUrl, name }} onEdit={() => navigate('')} />
 */
export const IdentityPreview = forwardRef<HTMLDivElement, IdentityPreviewProps>(function IdentityPreview({ identifier, avatar, onEdit, editLabel, className, ...rest }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  return (
    <div ref={ref} {...rest} {...el('identityPreview', { className })}>
      {avatar ? <Avatar element="identityPreviewAvatarBox" name={avatar.name || identifier} imageUrl={avatar.imageUrl} fallback={avatar.fallback} decorative /> : null}
      <p {...el('identityPreviewText')} translate="no">
        {identifier}
      </p>
      {onEdit ? (
        <button type="button" {...el('identityPreviewEditButton')} aria-label={editLabel ?? t('identityPreview.editButtonLabel')} onClick={onEdit}>
          <PencilIcon {...el('identityPreviewEditButtonIcon')} />
        </button>
      ) : null}
    </div>
  );
});
