import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The browser tab, history and bookmarks say which page this is: "Bảng xếp hạng — Hội Thi". Without a
 * title (still loading), the app's name; leaving the page puts the app's name back.
 */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  const full = title ? t('app.documentTitle', { page: title }) : appName;
  useEffect(() => {
    document.title = full;
    return () => {
      document.title = appName;
    };
  }, [full, appName]);
}
