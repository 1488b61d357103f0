import { forwardRef, type ReactNode } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Checkbox } from '../../primitives/Checkbox.tsx';

export interface LegalConsentProps {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  termsUrl: string | null;
  privacyPolicyUrl: string | null;
  error?: string | undefined;
  disabled?: boolean;
}

// Placeholders stand in for the links while the localized sentence is interpolated, then the
// sentence is split on them: translators keep control of word order, links stay real elements.
const MARK = '\u0000';

/**
 * "I agree to the Terms of Service and the Privacy Policy", with links to the instance's pages
 * (opening in a new tab, said to screen readers too), as a required checkbox.
 */
export const LegalConsent = forwardRef<HTMLInputElement, LegalConsentProps>(function LegalConsent({ checked, onCheckedChange, termsUrl, privacyPolicyUrl, error, disabled }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  const links: Record<string, { url: string; label: string; id: string }> = {};
  if (termsUrl) links.termsOfService = { url: termsUrl, label: t('signUp.legalConsent.termsOfService'), id: 'terms' };
  if (privacyPolicyUrl) links.privacyPolicy = { url: privacyPolicyUrl, label: t('signUp.legalConsent.privacyPolicy'), id: 'privacy' };
  const key =
    termsUrl && privacyPolicyUrl
      ? 'signUp.legalConsent.checkboxLabel'
      : termsUrl
        ? 'signUp.legalConsent.checkboxLabel__termsOnly'
        : privacyPolicyUrl
          ? 'signUp.legalConsent.checkboxLabel__privacyOnly'
          : 'signUp.legalConsent.checkboxLabel__noLinks';
  const sentence = t(key, { termsOfService: `${MARK}termsOfService${MARK}`, privacyPolicy: `${MARK}privacyPolicy${MARK}` });
  const label: ReactNode[] = sentence.split(MARK).map((part, index) => {
    const link = index % 2 === 1 ? links[part] : undefined;
    if (!link) return part;
    return (
      <a key={part} {...el('legalConsentLink', { id: link.id })} href={link.url} target="_blank" rel="noopener noreferrer">
        {link.label}
        <span className="usher-srOnly"> {t('signUp.legalConsent.opensInNewTab')}</span>
      </a>
    );
  });
  return (
    <Checkbox
      ref={ref}
      name="legal_accepted"
      element="legalConsent"
      label={label}
      checked={checked}
      onCheckedChange={onCheckedChange}
      error={error}
      disabled={disabled}
      aria-required="true"
    />
  );
});
