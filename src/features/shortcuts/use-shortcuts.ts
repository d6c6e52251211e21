import { useEffect } from 'react';

/** The console's keys; shown by "?" and used by useShortcuts. */
export const SHORTCUTS = [
  { key: '/', does: 'Find a customer' },
  { key: 'c', does: 'Carts of the customer you act as' },
  { key: 'o', does: 'Orders of the customer you act as' },
  { key: 'p', does: 'Profile of the customer you act as' },
  { key: '?', does: 'Show these shortcuts' },
  { key: 'Esc', does: 'Close a dialog or a list' },
] as const;

export type ShortcutKey = '/' | 'c' | 'o' | 'p' | '?';

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
      if (['/', 'c', 'o', 'p', '?'].includes(event.key) && onShortcut(event.key as ShortcutKey)) {
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', handle);
    return () => window.removeEventListener('keydown', handle);
  }, [onShortcut]);
}
