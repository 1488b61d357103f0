import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { useComposedRefs } from './compose-refs.ts';
import { Popover } from './Popover.tsx';
import type { Placement } from './use-popover-position.ts';

type FocusTarget = 'first' | 'last' | 'trigger' | null;

interface MenuContextValue {
  open: boolean;
  setOpen: (open: boolean, focus?: FocusTarget) => void;
  triggerRef: RefObject<HTMLButtonElement | null>;
  popoverRef: RefObject<HTMLDivElement | null>;
  listRef: RefObject<HTMLDivElement | null>;
  triggerId: string;
  listId: string;
}

const MenuContext = createContext<MenuContextValue | null>(null);

function useMenu(): MenuContextValue {
  const menu = useContext(MenuContext);
  if (!menu) throw new TypeError('Menu parts must be used inside <Menu>.');
  return menu;
}

function items(list: HTMLElement | null): HTMLElement[] {
  return list ? Array.from(list.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')) : [];
}

export interface MenuProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  children?: ReactNode;
}

/**
 * A menu button (WAI-ARIA APG pattern). Trigger: Enter/Space/click open and focus the first item,
 * ArrowDown/ArrowUp open on the first/last. Inside: arrows, Home/End and typeahead move; Escape
 * closes and returns focus; Tab closes and moves on; a click outside closes.
 *
 * @example
 * <Menu>
 *   <MenuTrigger element="userButtonTrigger" aria-label={t('userButton.triggerLabel')}><Avatar … /></MenuTrigger>
 *   <MenuPopover element="userButtonPopoverCard" placement="bottom-end">
 *     <UserPreview … />
 *     <MenuList element="userButtonPopoverActions">
 *       <MenuItem element="userButtonPopoverActionButton" elementId="manageAccount" onSelect={openProfile}>{t('userButton.action__manageAccount')}</MenuItem>
 *     </MenuList>
 *   </MenuPopover>
 * </Menu>
 */
export function Menu({ open: controlled, defaultOpen = false, onOpenChange, children }: MenuProps) {
  const [inner, setInner] = useState(defaultOpen);
  const open = controlled ?? inner;
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const popoverRef = useRef<HTMLDivElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const pendingFocus = useRef<FocusTarget>(null);
  const uid = useId();

  const setOpen = useCallback(
    (next: boolean, focus: FocusTarget = null) => {
      pendingFocus.current = focus;
      if (controlled === undefined) setInner(next);
      onOpenChange?.(next);
      // Returning focus needs no render: do it now, while the trigger is certainly there.
      if (!next && focus === 'trigger') triggerRef.current?.focus();
    },
    [controlled, onOpenChange],
  );

  useEffect(() => {
    if (!open) return;
    const target = pendingFocus.current;
    pendingFocus.current = null;
    const list = items(listRef.current);
    if (target === 'first') list[0]?.focus();
    if (target === 'last') list[list.length - 1]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent | globalThis.MouseEvent) => {
      const target = event.target as Node | null;
      if (target && (popoverRef.current?.contains(target) || triggerRef.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('mousedown', onPointerDown);
    return () => document.removeEventListener('mousedown', onPointerDown);
  }, [open, setOpen]);

  const value = useMemo(() => ({ open, setOpen, triggerRef, popoverRef, listRef, triggerId: `${uid}-trigger`, listId: `${uid}-menu` }), [open, setOpen, uid]);
  return <MenuContext.Provider value={value}>{children}</MenuContext.Provider>;
}

export interface MenuTriggerProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Element key of the trigger; default 'menuButton'. */
  element?: ElementKey;
}

/** The button that opens the menu. @example <MenuTrigger aria-label="Open user menu">…</MenuTrigger> */
export const MenuTrigger = forwardRef<HTMLButtonElement, MenuTriggerProps>(function MenuTrigger({ element = 'menuButton', className, onClick, onKeyDown, children, ...rest }, ref) {
  const el = useElements();
  const menu = useMenu();
  return (
    <button
      ref={useComposedRefs(ref, menu.triggerRef)}
      type="button"
      id={menu.triggerId}
      {...rest}
      {...el(element, { state: menu.open && 'open', className })}
      aria-haspopup="menu"
      aria-expanded={menu.open}
      aria-controls={menu.open ? menu.listId : undefined}
      data-state={menu.open ? 'open' : 'closed'}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        // Enter and Space arrive here as clicks too.
        if (!event.defaultPrevented) menu.setOpen(!menu.open, menu.open ? null : 'first');
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          menu.setOpen(true, event.key === 'ArrowDown' ? 'first' : 'last');
        }
      }}
    >
      {children}
    </button>
  );
});

export interface MenuPopoverProps extends HTMLAttributes<HTMLDivElement> {
  placement?: Placement;
  /** Element key of the surface; default 'popoverBox'. */
  element?: ElementKey;
}

/** The floating surface, present only while open; may hold more than the list (a user preview). */
export const MenuPopover = forwardRef<HTMLDivElement, MenuPopoverProps>(function MenuPopover({ placement = 'bottom-start', element = 'popoverBox', onKeyDown, children, ...rest }, ref) {
  const menu = useMenu();
  const composed = useComposedRefs(ref, menu.popoverRef);
  if (!menu.open) return null;
  return (
    <Popover
      ref={composed}
      anchorRef={menu.triggerRef}
      placement={placement}
      element={element}
      {...rest}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          menu.setOpen(false, 'trigger');
        } else if (event.key === 'Tab') {
          // Focus the trigger and let the browser's Tab move on from there (APG: Tab closes).
          menu.setOpen(false, 'trigger');
        }
      }}
    >
      {children}
    </Popover>
  );
});

export interface MenuListProps extends HTMLAttributes<HTMLDivElement> {
  /** An extra element key besides 'menuList'. */
  element?: ElementKey;
}

/** The list of items (role=menu), labelled by the trigger. */
export const MenuList = forwardRef<HTMLDivElement, MenuListProps>(function MenuList({ element, className, onKeyDown, children, ...rest }, ref) {
  const el = useElements();
  const menu = useMenu();
  const typeahead = useRef({ text: '', at: 0 });
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    const list = items(menu.listRef.current);
    if (!list.length) return;
    const index = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: (index + 1) % list.length, ArrowUp: (index - 1 + list.length) % list.length, Home: 0, End: list.length - 1 };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      list[move]?.focus();
      return;
    }
    if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typeahead: letters typed in quick succession find the next item starting with them.
      const now = event.timeStamp;
      typeahead.current = { text: (now - typeahead.current.at < 700 ? typeahead.current.text : '') + event.key.toLowerCase(), at: now };
      const ordered = [...list.slice(index + 1), ...list.slice(0, index + 1)];
      ordered.find((item) => item.textContent?.trim().toLowerCase().startsWith(typeahead.current.text))?.focus();
    }
  };
  return (
    <div ref={useComposedRefs(ref, menu.listRef)} role="menu" id={menu.listId} aria-labelledby={menu.triggerId} aria-orientation="vertical" {...rest} {...el(['menuList', element], { className })} onKeyDown={handleKeyDown}>
      {children}
    </div>
  );
});

export interface MenuItemProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onSelect'> {
  /** Runs on click, Enter or Space; the menu then closes and focus returns to the trigger. */
  onSelect?: () => void;
  icon?: ReactNode;
  /** An extra element key besides 'menuItem'. */
  element?: ElementKey;
  /** An extra element key for the icon box besides 'menuItemIcon', e.g. 'userButtonPopoverActionButtonIcon'. */
  iconElement?: ElementKey;
  elementId?: string;
}

/** One item. @example <MenuItem icon={<SignOutIcon />} onSelect={() => usher.signOut()}>Sign out</MenuItem> */
export const MenuItem = forwardRef<HTMLButtonElement, MenuItemProps>(function MenuItem({ onSelect, icon, element, iconElement, elementId, disabled, className, onClick, children, ...rest }, ref) {
  const el = useElements();
  const menu = useMenu();
  return (
    <button
      ref={ref}
      type="button"
      role="menuitem"
      tabIndex={-1}
      {...rest}
      {...el(['menuItem', element], { id: elementId, state: disabled && 'disabled', className })}
      aria-disabled={disabled || undefined}
      onClick={(event) => {
        onClick?.(event);
        if (disabled || event.defaultPrevented) return;
        menu.setOpen(false, 'trigger');
        onSelect?.();
      }}
    >
      {icon ? (
        <span {...el(['menuItemIcon', iconElement], { id: elementId })} aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {children}
    </button>
  );
});
