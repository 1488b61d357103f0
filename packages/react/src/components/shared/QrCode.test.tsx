import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadQrMatrixLazily, QrCode, qrPath, type QrMatrix } from './QrCode.tsx';

const URI = 'otpauth://totp/Usher:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Usher&algorithm=SHA1&digits=6&period=30';

/** A matrix from rows of '#' (dark) and '.' (light). */
const matrixOf = (...rows: string[]): QrMatrix => ({ size: rows.length, get: (row, col) => (rows[row]![col] === '#' ? 1 : 0) });

describe('qrPath', () => {
  it('draws each horizontal run of dark modules as one rectangle, offset by the 4-module quiet zone', () => {
    expect(qrPath(matrixOf('##.', '...', '#.#'))).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
  });
});

describe('<QrCode>', () => {
  it('loads qrcode on demand and renders the modules as one path in a labelled, fixed-size svg', async () => {
    render(<QrCode value={URI} label="QR code for your authenticator app" />);
    const img = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    const matrix = await loadQrMatrixLazily(URI);
    expect(img.getAttribute('viewBox')).toBe(`0 0 ${matrix.size + 8} ${matrix.size + 8}`);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['200', '200']);
    expect(img.querySelectorAll('path')).toHaveLength(1);
    expect(img.querySelector('path')!.getAttribute('d')).toBe(qrPath(matrix));
    expect(img.querySelector('path')!.getAttribute('fill')).toBe('#000');
    expect(img.querySelector('rect')!.getAttribute('fill')).toBe('#fff');
  });

  it('holds the place with a placeholder while loading, and shows nothing if qrcode cannot load', async () => {
    let fail: (reason: Error) => void = () => undefined;
    const load = () => new Promise<QrMatrix>((_resolve, reject) => (fail = reject));
    const { container } = render(<QrCode value={URI} label="QR code" load={load} />);
    const placeholder = container.querySelector('.usher-qrCode');
    expect(placeholder?.getAttribute('data-state')).toBe('loading');
    expect(placeholder?.getAttribute('aria-hidden')).toBe('true');
    fail(new Error('chunk failed to load'));
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });
});
