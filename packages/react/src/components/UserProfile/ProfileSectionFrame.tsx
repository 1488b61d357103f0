import { useId, type ReactNode } from 'react';
import { useElements } from '../../appearance/use-elements.ts';

/** One section of a UserProfile page: its title on the left, its content on the right (stacked on narrow screens). */
export function ProfileSectionFrame({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const el = useElements();
  const uid = useId();
  return (
    <section {...el('profileSection', { id })} aria-labelledby={`${uid}-title`}>
      <div {...el('profileSectionHeader', { id })}>
        <h2 {...el('profileSectionTitleText', { id })} id={`${uid}-title`}>
          {title}
        </h2>
      </div>
      <div {...el('profileSectionContent', { id })}>{children}</div>
    </section>
  );
}
