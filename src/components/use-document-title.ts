import { useEffect } from 'react';

/** Each screen names itself in the tab, so agents with many tabs find the right one. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Agent Assist`;
  }, [title]);
}
