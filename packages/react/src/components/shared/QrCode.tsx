import { useEffect, useState } from 'react';
import { QR_CODE_SIZE_PX } from '../../appearance/base-styles/two-step.ts';
import { useElements } from '../../appearance/use-elements.ts';

/** The modules of a QR code: `size` × `size`, row by row, 1 for a dark module. */
export interface QrMatrix {
  size: number;
  get(row: number, col: number): number;
}

/** Turns a string into its QR modules (or rejects: the code is then not shown). */
export type QrMatrixLoader = (value: string) => Promise<QrMatrix>;

/**
 * The default loader. A dynamic import, so `qrcode` is a chunk of its own that only the
 * authenticator setup downloads (never the sign-in page). Level M survives a smudged screen.
 */
export const loadQrMatrixLazily: QrMatrixLoader = async (value) => {
  const mod = await import('qrcode');
  // CommonJS seen through ESM: the functions sit on the module or on its default export.
  const lib = mod.default ?? mod;
  return lib.create(value, { errorCorrectionLevel: 'M' }).modules;
};

/** The quiet zone the QR specification asks for around the symbol, in modules. */
const QUIET_ZONE = 4;

/** One path of the dark modules, a rectangle per horizontal run (far fewer commands than one per module). */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return parts.join('');
}

export interface QrCodeProps {
  /** What the code holds, e.g. an `otpauth://` URI. */
  value: string;
  /** The image's accessible name (what it is for, not its content). */
  label: string;
  /** Where the modules come from (default {@link loadQrMatrixLazily}). Keep it stable across renders. */
  load?: QrMatrixLoader;
}

type State = { status: 'loading' } | { status: 'ready'; size: number; path: string } | { status: 'failed' };

/**
 * A QR code as inline SVG: black modules on white with a quiet zone, whatever the theme (scanners
 * need the contrast), at a fixed 200 px. A placeholder of the same size holds its place while
 * `qrcode` loads; if it cannot load, nothing shows and the caller's manual entry remains.
 *
 * @example <QrCode value={totp.uri} label={t('twoStepProfile.totpSetup.qrLabel')} />
 */
export function QrCode({ value, label, load = loadQrMatrixLazily }: QrCodeProps) {
  const el = useElements();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load(value).then(
      (matrix) => live && setState({ status: 'ready', size: matrix.size + 2 * QUIET_ZONE, path: qrPath(matrix) }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [value, load]);

  if (state.status === 'failed') return null;
  if (state.status === 'loading') return <div {...el('qrCode', { state: 'loading' })} aria-hidden="true" data-state="loading" />;
  return (
    <svg
      {...el('qrCode')}
      role="img"
      aria-label={label}
      data-state="ready"
      width={QR_CODE_SIZE_PX}
      height={QR_CODE_SIZE_PX}
      viewBox={`0 0 ${state.size} ${state.size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={state.size} height={state.size} fill="#fff" />
      <path d={state.path} fill="#000" />
    </svg>
  );
}
