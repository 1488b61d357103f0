import { AppearanceScope } from '../../appearance/AppearanceScope.tsx';
import type { Appearance } from '../../appearance/types.ts';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { AVATAR_SHEET } from './avatar-sheet.ts';
import { UserAvatarView } from './UserAvatarView.tsx';

const SHEETS = [AVATAR_SHEET] as const;

export interface UserAvatarProps {
  /** Styles of this avatar: the most specific level of the cascade (`avatarBox`, `avatarImage`…). */
  appearance?: Appearance;
  /** Hide it from assistive tech when a visible name sits next to it. Default false. */
  decorative?: boolean;
}

/**
 * The signed-in user's avatar: their uploaded picture (with alt text), else the instance's
 * default avatar (`marble` or `initials`, per the instance's branding), drawn without a request.
 * Renders nothing until Usher is loaded and when nobody is signed in.
 *
 * @example
 * <header>
 *   <UserAvatar appearance={{ elements: { avatarBox: { '--usher-avatar-size': '2.5rem' } } }} />
 * </header>
 */
export function UserAvatar({ appearance, decorative }: UserAvatarProps) {
  const { isLoaded, user, environment } = useUsherSnapshot();
  if (!isLoaded || !user) return null;
  return (
    <AppearanceScope component="userAvatar" appearance={appearance} sheets={SHEETS} inline>
      <UserAvatarView user={user} defaultAvatar={environment?.displayConfig.defaultAvatar ?? 'marble'} decorative={decorative} />
    </AppearanceScope>
  );
}
