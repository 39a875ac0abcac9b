import { useLayoutEffect } from 'react';
import { useTranslation } from './i18n';

/**
 * The browser tab, history and bookmarks say which page this is: "Bảng xếp hạng — Hội Thi". Without a
 * title (still loading), the app's name; leaving the page puts the app's name back.
 */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  const full = title ? t('app.documentTitle', { page: title }) : appName;
  // Before the page paints (Preact runs plain effects a frame later): the tab never names the previous page.
  useLayoutEffect(() => {
    document.title = full;
    return () => {
      document.title = appName;
    };
  }, [full, appName]);
}
