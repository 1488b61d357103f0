import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useElements } from '../appearance/use-elements.ts';
import { useLocalization } from '../localization/use-localization.ts';
import { CloseIcon } from './icons.tsx';

export interface ModalProps {
  /** The dialog's accessible name. */
  label: string;
  onClose: () => void;
  children: ReactNode;
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog (WAI-ARIA APG), to render in a portal inside an AppearanceScope (so it keeps the
 * theme): named by `label`, focus moved
 * inside and kept there (Tab and Shift+Tab wrap), Escape or a click on the backdrop closes it, and
 * focus returns to what had it before. The page behind is not scrolled while it is open.
 *
 * @example createPortal(<AppearanceScope component="userButton"><Modal label="Manage account" onClose={close}><UserProfile routing="virtual" /></Modal></AppearanceScope>, document.body)
 */
export function Modal({ label, onClose, children }: ModalProps) {
  const el = useElements();
  const { t } = useLocalization();
  const uid = useId();
  const dialog = useRef<HTMLDivElement>(null);

  // Escape closes from anywhere while open (focus may sit on a file picker's input, or on the page).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    const first = dialog.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog.current)?.focus();
    return () => {
      document.body.style.overflow = overflow;
      previous?.focus?.();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((node) => node.offsetParent !== null || node === document.activeElement);
    if (items.length === 0) return;
    const [head, tail] = [items[0]!, items[items.length - 1]!];
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head.focus();
    }
  };

  return (
    <div {...el('modalBackdrop')} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-label={label} id={uid} tabIndex={-1} {...el('modalContent')} onKeyDown={onKeyDown}>
        <button type="button" {...el('modalCloseButton')} aria-label={t('modal.close')} onClick={onClose}>
          <CloseIcon />
        </button>
        {children}
      </div>
    </div>
  );
}
