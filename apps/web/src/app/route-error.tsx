import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/use-document-title';

/** Shown when a page throws while rendering, instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.pageTitle'));
  return (
    <main className="container app-main">
      <section className="page" aria-labelledby="route-error-title">
        <h1 id="route-error-title">{t('errors.pageTitle')}</h1>
        <p>{t('errors.pageText')}</p>
        <p>
          <a href="/" className="button button--secondary">
            {t('common.backHome')}
          </a>
        </p>
      </section>
    </main>
  );
}
