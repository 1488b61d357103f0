import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from './Menu.tsx';

afterEach(cleanup);

function UserMenu({ onSelect = () => undefined }: { onSelect?: (item: string) => void }) {
  return (
    <>
      <button>before</button>
      <Menu>
        <MenuTrigger element="userButtonTrigger">Ada</MenuTrigger>
        <MenuPopover element="userButtonPopoverCard" placement="bottom-end">
          <p>ada@example.com</p>
          <MenuList element="userButtonPopoverActions">
            <MenuItem element="userButtonPopoverActionButton" elementId="manageAccount" onSelect={() => onSelect('manage')}>
              Manage account
            </MenuItem>
            <MenuItem disabled>Add account</MenuItem>
            <MenuItem onSelect={() => onSelect('signOut')}>Sign out</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <button>after</button>
    </>
  );
}

const trigger = () => screen.getByRole('button', { name: 'Ada' });

describe('<Menu> (menu button pattern)', () => {
  it('announces a closed menu popup on its trigger', () => {
    render(<UserMenu />);
    expect(trigger().getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens with Enter on the first item; the trigger controls the labelled menu', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    trigger().focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Ada' });
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    expect(trigger().getAttribute('aria-controls')).toBe(menu.id);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Manage account' }));
    expect(screen.getByRole('menuitem', { name: 'Manage account' }).className).toContain('usher-userButtonPopoverActionButton__manageAccount');
  });

  it('opens with Space, and with ArrowUp on the last item', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    trigger().focus();
    await user.keyboard(' ');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Manage account' }));
    await user.keyboard('{Escape}');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Sign out' }));
  });

  it('moves with arrows (wrapping, skipping disabled items), Home, End and typeahead', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    trigger().focus();
    await user.keyboard('{ArrowDown}');
    const focused = () => document.activeElement?.textContent;
    expect(focused()).toBe('Manage account');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Sign out');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('Manage account');
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('Sign out');
    await user.keyboard('{Home}');
    expect(focused()).toBe('Manage account');
    await user.keyboard('{End}');
    expect(focused()).toBe('Sign out');
    await user.keyboard('m');
    expect(focused()).toBe('Manage account');
  });

  it('closes with Escape and returns focus to the trigger', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    await user.click(trigger());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(trigger());
  });

  it('closes with Tab and moves on to what follows the trigger', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    await user.click(trigger());
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after' }));
  });

  it('closes on a click outside, and toggles on trigger clicks', async () => {
    const user = userEvent.setup();
    render(<UserMenu />);
    await user.click(trigger());
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.click(screen.getByText('ada@example.com')); // inside the popover: stays open
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'before' }));
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(trigger());
    await user.click(trigger());
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('runs an item on Enter, closes and gives focus back to the trigger; disabled items do nothing', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<UserMenu onSelect={onSelect} />);
    await user.click(trigger());
    await user.click(screen.getByRole('menuitem', { name: 'Add account' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.keyboard('{End}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('signOut');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });
});
