import type { ElementStyle, Theme, Variables } from '@usher/themes';
import type { ElementKey } from './element-keys.ts';

export type { ElementStyle, Theme, Variables };

/** Components that read a per-component key of the provider's appearance. */
export type ComponentKey =
  | 'signIn'
  | 'signUp'
  | 'userButton'
  | 'userProfile'
  | 'userAvatar'
  | 'organizationSwitcher'
  | 'organizationProfile'
  | 'createOrganization';

/**
 * A CSS-in-JS style object: camelCase properties, numbers become `px` where CSS needs a unit,
 * nested selectors use `&` (`'&:hover'`, `'& svg'`), and `@media`/`@supports`/`@container` nest.
 *
 * @example
 * const style: StyleObject = { borderRadius: 12, '&:hover': { opacity: 0.9 }, '@media (max-width: 30em)': { padding: 8 } };
 */
export interface StyleObject {
  [property: string]: string | number | StyleObject | null | undefined;
}

/** `appearance.elements`: a class string (Tailwind works) or a style object per key or key variant. */
export type Elements = Partial<Record<ElementKey | `${ElementKey}__${string}`, ElementStyle>>;

/** Layout options (structure, not colour). */
export interface Layout {
  /** Social buttons above or below the form. Default 'top'. */
  socialButtonsPlacement?: 'top' | 'bottom';
  /** 'auto' shows block buttons for up to two providers, icon buttons for more. Default 'auto'. */
  socialButtonsVariant?: 'auto' | 'iconButton' | 'blockButton';
  /** Show fields the instance marks optional. Default true. */
  showOptionalFields?: boolean;
  /** Overrides the logo of the instance settings. */
  logoImageUrl?: string;
  /** Link of the logo. */
  logoLinkUrl?: string;
  /** Where the logo goes: inside the card, above it, or nowhere. Default 'inside'. */
  logoPlacement?: 'inside' | 'outside' | 'none';
  helpPageUrl?: string;
  privacyPageUrl?: string;
  termsPageUrl?: string;
  /** A light sweep over primary buttons on hover. Default true. */
  shimmer?: boolean;
  /** Transitions and animations; `prefers-reduced-motion: reduce` turns them down regardless. Default true. */
  animations?: boolean;
}

/**
 * How a component looks. Cascade, lowest first: `baseTheme` < provider appearance < the provider's
 * per-component key (`appearance.signIn`) < the component's own `appearance` prop.
 *
 * `baseTheme` may be an array (later themes stack over earlier ones). Where several levels set a
 * `baseTheme`, the most specific one replaces the others (a component can opt out of the app theme);
 * it still sits below every level's variables, elements and layout.
 *
 * @example
 * <SignIn appearance={{ variables: { colorPrimary: '#0f766e' }, elements: { card: 'shadow-none' } }} />
 */
export interface Appearance {
  baseTheme?: Theme | readonly Theme[];
  variables?: Variables;
  elements?: Elements;
  layout?: Layout;
}

/**
 * The provider's appearance: an {@link Appearance} for every component, plus one key per
 * component that applies to that component only.
 *
 * @example
 * <UsherProvider frontendApi="" appearance={{ variables: { colorPrimary: '#4f46e5' }, signIn: { elements: { card: 'p-6' } } }} />
 */
export type ProviderAppearance = Appearance & Partial<Record<ComponentKey, Appearance>>;

/** Fully resolved variables: every key has a value. */
export type ResolvedVariables = Required<Omit<Variables, 'fontWeight'>> & { fontWeight: Required<NonNullable<Variables['fontWeight']>> };

/** Fully resolved layout: every option that has a default has a value. */
export type ResolvedLayout = Required<Pick<Layout, 'socialButtonsPlacement' | 'socialButtonsVariant' | 'showOptionalFields' | 'logoPlacement' | 'shimmer' | 'animations'>> &
  Omit<Layout, 'socialButtonsPlacement' | 'socialButtonsVariant' | 'showOptionalFields' | 'logoPlacement' | 'shimmer' | 'animations'>;
