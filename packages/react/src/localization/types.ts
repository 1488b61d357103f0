import type { enUS } from './en-US.ts';

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** The full shape of a localization resource (every string key, widened to `string`). */
export type LocalizationResourceFull = Widen<typeof enUS>;

type DeepPartial<T> = T extends string ? string : { [K in keyof T]?: DeepPartial<T[K]> };

/**
 * What the `localization` prop accepts: any subset of the English resource, deep-merged over it.
 *
 * @example const fr: LocalizationResource = { locale: 'fr-FR', signIn: { start: { title: 'Connexion à {{applicationName}}' } } };
 */
export type LocalizationResource = DeepPartial<LocalizationResourceFull>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key `t()` accepts, e.g. `'signIn.start.title'` or `'errors.form_code_incorrect'`. */
export type LocalizationKey = Paths<LocalizationResourceFull>;

/** Values for `{{token}}` placeholders; nested objects serve dotted tokens (`{{user.firstName}}`). */
export interface LocalizationTokens {
  [token: string]: string | number | null | undefined | LocalizationTokens;
}
