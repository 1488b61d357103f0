import { useElements } from '../../appearance/use-elements.ts';
import { displayName, type AvatarUser } from '../UserAvatar/avatar-choice.ts';
import { UserAvatarView } from '../UserAvatar/UserAvatarView.tsx';

export interface UserPreviewProps {
  user: AvatarUser;
  defaultAvatar: 'marble' | 'initials';
  /** `__id` variant of the preview's element keys, e.g. 'activeUser' or 'session'. */
  elementId?: string;
}

/**
 * Avatar + who: the full name (else the username, else the email address) and, below it, the
 * primary email address when it is not already the main line. The avatar is decorative: the
 * name is right there.
 */
export function UserPreview({ user, defaultAvatar, elementId }: UserPreviewProps) {
  const el = useElements();
  const main = displayName(user);
  const email = user.primaryEmailAddress?.emailAddress ?? null;
  const secondary = email && email !== main ? email : null;
  return (
    <span {...el('userPreview', { id: elementId })}>
      <UserAvatarView user={user} defaultAvatar={defaultAvatar} element="userPreviewAvatarBox" decorative />
      <span {...el('userPreviewTextContainer', { id: elementId })}>
        <span {...el('userPreviewMainIdentifier', { id: elementId })}>{main}</span>
        {secondary ? <span {...el('userPreviewSecondaryIdentifier', { id: elementId })}>{secondary}</span> : null}
      </span>
    </span>
  );
}
