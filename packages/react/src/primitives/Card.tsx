import { forwardRef, useId, type HTMLAttributes, type MouseEventHandler, type ReactNode } from 'react';
import { useAppearance, useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';
import { ArrowLeftIcon } from './icons.tsx';

export interface CardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  subtitle?: ReactNode;
  /** Level of the title heading; 1 on a page of its own, 2 inside a modal or a page with its own h1. */
  headingLevel?: 1 | 2;
  /** Shows a back button in the header. */
  onBack?: () => void;
  backLabel?: string;
  /** The logo; default `layout.logoImageUrl` (or pass the instance logo). `null` hides it. */
  logo?: { src: string; alt?: string; href?: string } | null;
  /** Usually a <CardFooterAction>; help/privacy/terms links from `layout` are added after it. */
  footer?: ReactNode;
  /** Busy: aria-busy on the card. */
  loading?: boolean;
}

function Logo({ logo }: { logo: { src: string; alt?: string; href?: string } }) {
  const el = useElements();
  const { applicationName } = useLocalization();
  const image = <img {...el('logoImage')} src={logo.src} alt={logo.alt ?? applicationName} />;
  return <div {...el('logoBox')}>{logo.href ? <a href={logo.href}>{image}</a> : image}</div>;
}

/**
 * The frame of every step: card box, header (logo per `layout.logoPlacement`, title, subtitle,
 * back button), main content, footer (action + help/privacy/terms links). The ref is the card's;
 * the title labels the card region.
 *
 * @example
 * <Card title={t('signIn.start.title')} subtitle={t('signIn.start.subtitle')}
 *   footer={<CardFooterAction text={t('signIn.start.actionText')} link={t('signIn.start.actionLink')} href="/sign-up" />}>
 *   <Form …/>
 * </Card>
 */
export const Card = forwardRef<HTMLDivElement, CardProps>(function Card({ title, subtitle, headingLevel = 1, onBack, backLabel, logo, footer, loading, className, children, ...rest }, ref) {
  const el = useElements();
  const { layout } = useAppearance();
  const { t } = useLocalization();
  const uid = useId();
  const resolvedLogo = logo === undefined ? (layout.logoImageUrl ? { src: layout.logoImageUrl, href: layout.logoLinkUrl } : null) : logo;
  const placement = resolvedLogo ? layout.logoPlacement : 'none';
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const pages = [
    { url: layout.helpPageUrl, label: t('footerPageLink__help'), id: 'help' },
    { url: layout.privacyPageUrl, label: t('footerPageLink__privacy'), id: 'privacy' },
    { url: layout.termsPageUrl, label: t('footerPageLink__terms'), id: 'terms' },
  ].filter((page) => !!page.url);
  const state = loading ? 'loading' : undefined;

  return (
    <>
      {placement === 'outside' && resolvedLogo ? <Logo logo={resolvedLogo} /> : null}
      <div {...el('cardBox', { state })} data-state={loading ? 'loading' : 'idle'}>
        <section ref={ref} {...rest} {...el('card', { state, className })} aria-labelledby={title ? `${uid}-title` : undefined} aria-busy={loading || undefined}>
          {title || subtitle || onBack || placement === 'inside' ? (
            <header {...el('header')}>
              {onBack ? (
                <button type="button" {...el('headerBackLink')} aria-label={backLabel ?? t('backButton')} onClick={onBack}>
                  <ArrowLeftIcon {...el('headerBackIcon')} />
                </button>
              ) : null}
              {placement === 'inside' && resolvedLogo ? <Logo logo={resolvedLogo} /> : null}
              {title ? (
                <Heading {...el('headerTitle')} id={`${uid}-title`}>
                  {title}
                </Heading>
              ) : null}
              {subtitle ? <p {...el('headerSubtitle')}>{subtitle}</p> : null}
            </header>
          ) : null}
          <div {...el('main')}>{children}</div>
        </section>
        {footer || pages.length ? (
          <footer {...el('footer')}>
            {footer}
            {pages.length ? (
              <nav {...el('footerPages')}>
                {pages.map((page) => (
                  <a key={page.id} {...el('footerPagesLink', { id: page.id })} href={page.url} target="_blank" rel="noopener noreferrer">
                    {page.label}
                  </a>
                ))}
              </nav>
            ) : null}
          </footer>
        ) : null}
      </div>
    </>
  );
});

export interface CardFooterActionProps {
  /** "Don't have an account?" */
  text?: ReactNode;
  /** "Sign up" */
  link: ReactNode;
  /** A real URL when there is one (path/hash routing); clicks still go through `onClick`. */
  href?: string;
  onClick?: MouseEventHandler<HTMLAnchorElement>;
}

/**
 * "Don't have an account? Sign up" in the card footer.
 * @example <CardFooterAction text={t('signIn.start.actionText')} link={t('signIn.start.actionLink')} href={signUpUrl} />
 */
export function CardFooterAction({ text, link, href, onClick }: CardFooterActionProps) {
  const el = useElements();
  return (
    <div {...el('footerAction')}>
      {text ? <span {...el('footerActionText')}>{text}</span> : null}
      <a {...el('footerActionLink')} href={href ?? '#'} onClick={onClick}>
        {link}
      </a>
    </div>
  );
}
