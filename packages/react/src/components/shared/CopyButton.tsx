import { useEffect, useState } from 'react';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { Button } from '../../primitives/Button.tsx';

/** How long "Copied" stays. */
const CONFIRMATION_MS = 3000;

export interface CopyButtonProps {
  /** What goes to the clipboard. */
  text: string;
  /** The button's words, e.g. "Copy key". */
  children: string;
  elementId?: string;
}

/**
 * Copies `text` with the Clipboard API and says so politely: "Copied" (or that copying failed)
 * in a live region that exists before it speaks, so screen readers announce it.
 *
 * @example <CopyButton text={secret}>{t('twoStepProfile.totpSetup.copyKey')}</CopyButton>
 */
export function CopyButton({ text, children, elementId }: CopyButtonProps) {
  const el = useElements();
  const { t } = useLocalization();
  // `round` restarts the timer when the same text is copied again.
  const [{ status, round }, setState] = useState<{ status: 'idle' | 'copied' | 'failed'; round: number }>({ status: 'idle', round: 0 });
  const setStatus = (next: 'copied' | 'failed') => setState((s) => ({ status: next, round: s.round + 1 }));

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = setTimeout(() => setState((s) => ({ ...s, status: 'idle' })), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [status, round]);

  const copy = async () => {
    try {
      // Absent on insecure origins and in some embedded browsers.
      if (!navigator.clipboard) throw new TypeError('no clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <>
      <Button variant="secondary" element="copyButton" elementId={elementId} onClick={() => void copy()}>
        {children}
      </Button>
      <span {...el('copyStatus', { id: elementId })} role="status">
        {status === 'copied' ? t('twoStepProfile.copied') : status === 'failed' ? t('twoStepProfile.copyFailed') : ''}
      </span>
    </>
  );
}
