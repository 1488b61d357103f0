import type { ReactNode } from 'react';
import type { SocialProvider } from './social-providers.ts';

const ARC = { fill: 'none', strokeWidth: 3.5 } as const;

/** Simple brand-like marks of the built-in providers, drawn for Usher (no images, no network). */
const MARKS: Record<string, ReactNode> = {
  google: (
    <>
      <path {...ARC} stroke="#ea4335" d="M17.66 6.34A8 8 0 0 0 6.34 6.34" />
      <path {...ARC} stroke="#fbbc05" d="M6.34 6.34A8 8 0 0 0 6.34 17.66" />
      <path {...ARC} stroke="#34a853" d="M6.34 17.66A8 8 0 0 0 17.66 17.66" />
      <path {...ARC} stroke="#4285f4" d="M17.66 17.66A8 8 0 0 0 20 12h-8" />
    </>
  ),
  microsoft: (
    <>
      <path fill="#f25022" d="M3 3h8.5v8.5H3z" />
      <path fill="#7fba00" d="M12.5 3H21v8.5h-8.5z" />
      <path fill="#00a4ef" d="M3 12.5h8.5V21H3z" />
      <path fill="#ffb900" d="M12.5 12.5H21V21h-8.5z" />
    </>
  ),
  // A round badge with a cat's head cut out of it.
  github: <path fill="currentColor" fillRule="evenodd" d="M12 1a11 11 0 1 0 0 22 11 11 0 0 0 0-22Zm-4.8 5 2.3 1.8h5L16.8 6l.6 4.2a5.6 5.6 0 0 1-5.4 7 5.6 5.6 0 0 1-5.4-7Z" />,
  apple: (
    <path
      fill="currentColor"
      d="M16.4 12.6c0-2 1.6-3 1.7-3.1-1-1.4-2.4-1.6-2.9-1.6-1.2-.1-2.4.7-3 .7s-1.6-.7-2.6-.7C8.2 8 6.8 8.8 6 10.1c-1.6 2.8-.4 7 1.2 9.3.8 1.1 1.7 2.4 2.8 2.3 1.1 0 1.6-.7 2.9-.7s1.7.7 2.9.7c1.2 0 2-1.1 2.7-2.2.9-1.3 1.2-2.5 1.2-2.6 0 0-2.3-.9-2.3-3.6ZM14.6 6.3c.6-.8 1-1.8.9-2.8-.9 0-2 .6-2.6 1.4-.6.7-1.1 1.7-.9 2.7 1 .1 2-.5 2.6-1.3Z"
    />
  ),
};

/**
 * The provider's mark (decorative: the button says the name), or the first letter of its name
 * for providers without a built-in icon.
 */
export function ProviderIcon({ provider, className }: { provider: SocialProvider; className: string }) {
  const mark = (provider.icon && MARKS[provider.icon]) || (
    <>
      <circle cx="12" cy="12" r="11" fill="currentColor" opacity="0.14" />
      <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="600" fill="currentColor">
        {provider.name.trim().charAt(0).toUpperCase() || '?'}
      </text>
    </>
  );
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {mark}
    </svg>
  );
}
