import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BackupCodes, backupCodesFileName } from './BackupCodes.tsx';
import { groupSecret } from './TotpSetup.tsx';

const CODES = ['a1b2-c3d4', 'e5f6-g7h8', 'j9k0-m1n2'];

describe('backupCodesFileName', () => {
  it('names the file after the application, in lower case with dashes', () => {
    expect(backupCodesFileName('Acme Inc.')).toBe('acme-inc-backup-codes.txt');
    expect(backupCodesFileName('Café Crème')).toBe('cafe-creme-backup-codes.txt');
    expect(backupCodesFileName('  ')).toBe('backup-codes.txt');
  });
});

describe('groupSecret', () => {
  it('shows a setup key in blocks of 4', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });
});

describe('<BackupCodes>', () => {
  it('lists the codes, copies them all with a polite confirmation, and is done when the user says so', async () => {
    const onDone = vi.fn();
    render(<BackupCodes codes={CODES} onDone={onDone} />);
    const user = userEvent.setup();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Save your backup codes' }));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(CODES);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    expect(status.textContent).toBe('Copied');
    await expect(navigator.clipboard.readText()).resolves.toBe(CODES.join('\n'));
    await user.click(screen.getByRole('button', { name: 'I’ve saved my codes' }));
    expect(onDone).toHaveBeenCalledOnce();
  });
});
