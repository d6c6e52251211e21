import { useEffect } from 'react';
import type { MessageId } from '../../i18n/translate';

/** The console's keys, named as on the keyboard, and what each does; shown by "?". */
export const SHORTCUTS: readonly { key: string; does: MessageId }[] = [
  { key: '/', does: 'shortcuts.findCustomer' },
  { key: 'c', does: 'shortcuts.carts' },
  { key: 'o', does: 'shortcuts.orders' },
  { key: 'a', does: 'shortcuts.addresses' },
  { key: 'w', does: 'shortcuts.wishlists' },
  { key: 'p', does: 'shortcuts.profile' },
  { key: '?', does: 'shortcuts.help' },
  { key: 'Esc', does: 'shortcuts.close' },
];

export type ShortcutKey = '/' | 'c' | 'o' | 'a' | 'w' | 'p' | '?';

/** Where typing is going on: keys there are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Calls `onShortcut` for a shortcut key pressed outside text fields and dialogs. It answers
 * whether the key did something; only then is the browser's own use of the key cancelled.
 */
export function useShortcuts(onShortcut: (key: ShortcutKey) => boolean): void {
  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (
        ['/', 'c', 'o', 'a', 'w', 'p', '?'].includes(event.key) &&
        onShortcut(event.key as ShortcutKey)
      ) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', handle);
    return () => window.removeEventListener('keydown', handle);
  }, [onShortcut]);
}
