import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t('common.backHome')}
        </Link>
      </p>
    </section>
  );
}
