import { useId, type ReactNode, type Ref } from 'react';
import { useElements } from '../../appearance/use-elements.ts';

/**
 * One section of a UserProfile page: its title on the left, its content on the right (stacked on
 * narrow screens). With `titleRef` the title can take focus (after a panel of the section closes).
 */
export function ProfileSectionFrame({ id, title, titleRef, children }: { id: string; title: string; titleRef?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  const el = useElements();
  const uid = useId();
  return (
    <section {...el('profileSection', { id })} aria-labelledby={`${uid}-title`}>
      <div {...el('profileSectionHeader', { id })}>
        <h2 {...el('profileSectionTitleText', { id })} id={`${uid}-title`} ref={titleRef} tabIndex={titleRef ? -1 : undefined}>
          {title}
        </h2>
      </div>
      <div {...el('profileSectionContent', { id })}>{children}</div>
    </section>
  );
}
