import { useTranslation } from '../lib/i18n';

/** While a page's chunk is fetched the first time (router.tsx `page`); later visits keep the previous page on screen. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="notice">
      {t('app.loadingPage')}
    </p>
  );
}
