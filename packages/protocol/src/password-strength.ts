/**
 * Password strength with zxcvbn-ts: one estimator for the server (which enforces the instance's
 * minimum score) and the components (the meter), so both always agree. The dictionaries are about
 * 2 MB: they are imported on the first call only, never by merely importing this module.
 */

/** 0 (guessable in under 10³ tries) … 4 (10¹⁰ or more), as zxcvbn scores it. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** Why it is weak, in English, or null (e.g. "This is a heavily used password."). */
  warning: string | null;
  /** What would help, in English. */
  suggestions: string[];
}

export type PasswordStrengthEstimator = (password: string, userInputs?: readonly string[]) => PasswordStrength;

/** zxcvbn's cost grows with length; what lies past this many characters is not estimated (long is strong). */
const ESTIMATED_LENGTH = 100;

let loading: Promise<PasswordStrengthEstimator> | null = null;

/**
 * Loads the estimator once (later calls share it). `userInputs` are words the password should not
 * lean on: the user's name, email, the application name.
 *
 * @example
 * const estimate = await loadPasswordStrength();
 * estimate('correct horse battery staple', ['jane@example.com']).score; // 4
 */
export function loadPasswordStrength(): Promise<PasswordStrengthEstimator> {
  loading ??= build().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function build(): Promise<PasswordStrengthEstimator> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
  const zxcvbn = new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return (password, userInputs = []) => {
    const result = zxcvbn.check(password.slice(0, ESTIMATED_LENGTH), userInputs.filter((input) => input.length > 0));
    return { score: result.score as PasswordScore, warning: result.feedback.warning ?? null, suggestions: [...result.feedback.suggestions] };
  };
}

/**
 * The words the estimator is told to count against a new password, the same on the server and in
 * the meter: each value (an email counts by its local part) and its words of three letters or
 * more, lower-cased — "zebra.mcwhistle@example.com" gives zebra.mcwhistle, zebra and mcwhistle.
 *
 * @example estimatorWords(['Ada', 'ada.lovelace@example.com']) // ['ada', 'ada.lovelace', 'lovelace']
 */
export function estimatorWords(values: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    const local = value.includes('@') ? value.slice(0, value.lastIndexOf('@')) : value;
    for (const word of [local, ...local.split(/[^\p{L}\p{N}]+/u)]) if (word.length >= 3) words.add(word.toLowerCase());
  }
  return [...words];
}
