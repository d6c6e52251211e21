import { useEffect } from 'react';
import { translate } from '../i18n/translate';

/** Each screen names itself in the tab, so agents with many tabs find the right one. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = translate('app.documentTitle', { title });
  }, [title]);
}
