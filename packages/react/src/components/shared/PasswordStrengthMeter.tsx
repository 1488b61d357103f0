import type { PasswordScore } from '@usher/protocol/password-strength';
import { useElements } from '../../appearance/use-elements.ts';
import type { LocalizationKey } from '../../localization/types.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { usePasswordStrength, type PasswordStrengthLoader } from './use-password-strength.ts';

export interface PasswordStrengthMeterProps {
  /** Its id, for the password input's aria-describedby. */
  id: string;
  password: string;
  /** What the password should not lean on: the user's email, username, names (empty ones are skipped). */
  userInputs?: ReadonlyArray<string | null | undefined>;
  /**
   * The instance's minimum zxcvbn score (environment.userSettings.passwordSettings.minZxcvbnStrength).
   * 0: no floor, so the meter shows the strength without a verdict.
   */
  minScore: number;
  /** Where the estimator comes from (default: a lazy import of @usher/protocol/password-strength). */
  load?: PasswordStrengthLoader;
}

type Strength = 'weak' | 'fair' | 'good' | 'strong';

/** Four words for zxcvbn's five scores (0 and 1 are both weak), and how many of the four bars fill. */
const LEVELS: Record<PasswordScore, { strength: Strength; key: LocalizationKey; bars: number }> = {
  0: { strength: 'weak', key: 'passwordStrength.weak', bars: 1 },
  1: { strength: 'weak', key: 'passwordStrength.weak', bars: 1 },
  2: { strength: 'fair', key: 'passwordStrength.fair', bars: 2 },
  3: { strength: 'good', key: 'passwordStrength.good', bars: 3 },
  4: { strength: 'strong', key: 'passwordStrength.strong', bars: 4 },
};

const BARS = [1, 2, 3, 4] as const;

/**
 * How guessable a new password is, by the estimator the server enforces: four bars, the level in
 * words, whether it meets the instance's minimum ("Strong enough" / "Too easy to guess") and
 * zxcvbn's advice. Never colour alone: the words say it all, the bars only repeat it. The level and
 * verdict are a polite live region, so a screen reader hears them when they change rather than on
 * every keystroke; the advice is read with the field through aria-describedby.
 *
 * While the estimator loads (its dictionaries come on demand) the meter keeps its place without
 * showing anything; if it cannot be loaded it disappears and the form works as before.
 */
export function PasswordStrengthMeter({ id, password, userInputs = [], minScore, load }: PasswordStrengthMeterProps) {
  const el = useElements();
  const { t, applicationName } = useLocalization();
  const state = usePasswordStrength(password, [...userInputs, applicationName], load ? { load } : {});

  if (state.status === 'unavailable') return <div id={id} {...el('passwordStrengthMeter')} data-state="unavailable" hidden />;

  const strength = state.status === 'ready' ? state.strength : null;
  const level = strength ? LEVELS[strength.score] : null;
  const enough = strength && minScore > 0 ? strength.score >= minScore : null;
  const advice = strength ? [...new Set([strength.warning, ...strength.suggestions].filter((text): text is string => !!text))] : [];
  return (
    <div
      id={id}
      {...el('passwordStrengthMeter')}
      data-state={state.status === 'loading' ? 'loading' : strength ? 'ready' : 'empty'}
      data-strength={level?.strength}
      data-score={strength?.score}
      data-meets-minimum={enough === null ? undefined : String(enough)}
    >
      <div {...el('passwordStrengthMeterTrack')} aria-hidden="true">
        {BARS.map((bar) => (
          <span key={bar} {...el('passwordStrengthMeterBar')} data-filled={level && bar <= level.bars ? '' : undefined} data-strength={level?.strength} />
        ))}
      </div>
      <p {...el('passwordStrengthText')} aria-live="polite">
        {level ? <span>{t(level.key)}</span> : null}
        {level && enough !== null ? (
          <>
            <span className="usher-srOnly">: </span>
            <span {...el('passwordStrengthVerdict')}>{enough ? t('passwordStrength.meetsMinimum') : t('passwordStrength.belowMinimum')}</span>
          </>
        ) : null}
      </p>
      {advice.length ? (
        <div {...el('passwordStrengthFeedback')}>
          {advice.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
