import { useEffect, useId, useRef } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';
import { CopyButton } from './CopyButton.tsx';
import { TwoStepStyles } from './TwoStepStyles.tsx';

export interface BackupCodesProps {
  /** The codes, as the server answered them (shown once: the server keeps only hashes). */
  codes: readonly string[];
  /** "I've saved my codes". */
  onDone: () => void;
  /** The panel title's heading level (3 inside a profile section, 2 on a card). Default 3. */
  headingLevel?: 2 | 3;
}

/** `Acme Inc.` → `acme-inc-backup-codes.txt`; without a usable name, `backup-codes.txt`. */
export function backupCodesFileName(applicationName: string): string {
  const slug = applicationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `${slug}-backup-codes.txt` : 'backup-codes.txt';
}

/** Offers `text` as a file download (a Blob behind a temporary object URL). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Backup codes, shown once: what they are for, the list in a monospace grid, "Copy all",
 * "Download" (a .txt named after the application) and "I've saved my codes". The title takes
 * focus when the panel opens, so screen readers start with what the codes are.
 *
 * @example <BackupCodes codes={result.backupCodes} onDone={() => setStep('done')} />
 */
export function BackupCodes({ codes, onDone, headingLevel = 3 }: BackupCodesProps) {
  const el = useElements();
  const { t, applicationName } = useLocalization();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => heading.current?.focus(), []);

  const fileText = [t('twoStepProfile.backupCodesPanel.fileTitle'), t('twoStepProfile.backupCodesPanel.fileNote'), '', ...codes, ''].join('\n');

  return (
    <section {...el('backupCodes')} aria-labelledby={`${uid}-title`}>
      <TwoStepStyles />
      <Heading {...el('headerTitle', { id: 'backupCodes' })} id={`${uid}-title`} ref={heading} tabIndex={-1}>
        {t('twoStepProfile.backupCodesPanel.title')}
      </Heading>
      <p {...el('headerSubtitle', { id: 'backupCodes' })}>{t('twoStepProfile.backupCodesPanel.description')}</p>
      <ul {...el('backupCodesList')} aria-label={t('twoStepProfile.backupCodesPanel.listLabel')}>
        {codes.map((code) => (
          <li key={code} {...el('backupCodesItem')}>
            {code}
          </li>
        ))}
      </ul>
      <div {...el('backupCodesActions')}>
        <CopyButton text={codes.join('\n')} elementId="backupCodes">
          {t('twoStepProfile.backupCodesPanel.copyAll')}
        </CopyButton>
        <Button variant="secondary" element="backupCodesDownloadButton" onClick={() => download(backupCodesFileName(applicationName), fileText)}>
          {t('twoStepProfile.backupCodesPanel.download')}
        </Button>
      </div>
      <Button element="formButtonPrimary" elementId="backupCodes" onClick={onDone}>
        {t('twoStepProfile.backupCodesPanel.done')}
      </Button>
    </section>
  );
}
