import type { AnchorHTMLAttributes } from 'react';
import { onLinkClick, usePathname } from './router.ts';

/** An <a> that navigates without a reload and marks the current page for assistive technology. */
export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const pathname = usePathname();
  const current = pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
  return <a href={href} onClick={onLinkClick} aria-current={current ? 'page' : undefined} {...rest} />;
}
