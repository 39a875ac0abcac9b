import type { ItemAnalysisEntry, ItemFlag } from '@hoi-thi/contracts';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber, formatRate, formatTime } from '../../../lib/format';
import { currentLanguage, useTranslation } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRound } from '../../rounds';
import { itemAnalysisPollMs, useItemAnalysis } from '../hooks/use-analytics';
import './analytics.css';

/** Two decimals, the sign kept (a true minus sign, not a hyphen): −0,35 reads as a warning, 0,35 as a good item. */
function formatCoefficient(value: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' })
    .format(value)
    .replace('-', '−');
}

function FlagBadges({ flags }: { flags: readonly ItemFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <ul className="item-flags">
      {flags.map((flag) => (
        <li key={flag} className="item-flag" data-flag={flag}>
          <span className="badge item-flag__badge">{t(`analytics.items.flag.${flag}.label`)}</span>
          <span className="item-flag__text">{t(`analytics.items.flag.${flag}.text`)}</span>
        </li>
      ))}
    </ul>
  );
}

function ItemCard({ item, index, roundId }: { item: ItemAnalysisEntry; index: number; roundId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const most = Math.max(1, item.answered);
  return (
    <article className="card item-card" aria-labelledby={`${id}-title`} data-flagged={item.flags.length > 0}>
      <h2 id={`${id}-title`} className="item-card__title">
        <span className="item-card__number">{t('analytics.items.number', { n: index + 1 })}</span> {item.text}
      </h2>
      <FlagBadges flags={item.flags} />
      <dl className="stat-grid item-card__stats">
        <div className="stat">
          <dt>{t('analytics.items.facility')}</dt>
          <dd>{formatRate(item.facility)}</dd>
        </div>
        <div className="stat">
          <dt>{t('analytics.items.discrimination')}</dt>
          <dd data-negative={item.discrimination !== null && item.discrimination < 0}>{item.discrimination === null ? '—' : formatCoefficient(item.discrimination)}</dd>
        </div>
        <div className="stat">
          <dt>{t('analytics.items.answered')}</dt>
          <dd>{formatNumber(item.answered)}</dd>
        </div>
      </dl>
      {item.discrimination === null && <p className="field__hint">{t('analytics.items.noDiscrimination')}</p>}
      <table className="options-table">
        <caption className="visually-hidden">{t('analytics.items.optionsCaption', { n: index + 1 })}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('analytics.items.option')}</th>
            <th scope="col">{t('analytics.items.chosenBy')}</th>
          </tr>
        </thead>
        <tbody>
          {item.options.map((option) => (
            <tr key={option.optionId} data-correct={option.correct}>
              <th scope="row" className="options-table__text">
                {option.correct && (
                  <>
                    <span className="options-table__key">{t('analytics.items.key')}</span>{' '}
                  </>
                )}
                {option.text}
              </th>
              <td>
                <div className="options-table__count">
                  <span className="options-table__bar" aria-hidden="true">
                    <span style={{ width: `${String((option.chosenBy / most) * 100)}%` }} />
                  </span>
                  <span className="options-table__number">
                    {t('analytics.items.chosen', { n: formatNumber(option.chosenBy), rate: formatRate(item.answered > 0 ? option.chosenBy / item.answered : 0) })}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <Link to={`/admin/questions/${item.questionId}`} className="button button--secondary">
          {t('analytics.items.edit')}
        </Link>
        <Link to={`/admin/rounds/${roundId}#regrade`} className="button button--ghost">
          {t('analytics.items.regrade')}
        </Link>
      </div>
    </article>
  );
}

/** `/admin/rounds/:id/items`: which questions were too easy, too hard, wrongly keyed or leaked (managers). */
export function ItemAnalysisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const round = useRound(id);
  const live = round.data?.phase === 'open';
  const analysis = useItemAnalysis(id, live);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const title = round.data ? t('analytics.items.title', { round: round.data.title }) : t('analytics.items.titleFallback');
  useDocumentTitle(title);
  const data = analysis.data;
  const flagged = data?.items.filter((item) => item.flags.length > 0).length ?? 0;
  const items = data ? (flaggedOnly ? data.items.filter((item) => item.flags.length > 0) : data.items) : [];

  let body;
  if (analysis.isPending) {
    body = (
      <p role="status" className="notice">
        {t('analytics.loading')}
      </p>
    );
  } else if (analysis.isError && !data) {
    body = <ErrorNotice title={t('analytics.loadFailed')} message={errorMessage(analysis.error)} onRetry={() => void analysis.refetch()} retrying={analysis.isFetching} />;
  } else if (!data || data.attempts === 0 || data.items.length === 0) {
    body = <p className="notice empty-state">{t('analytics.items.empty')}</p>;
  } else {
    body = (
      <>
        <dl className="stat-grid">
          <div className="stat">
            <dt>{t('analytics.items.attempts')}</dt>
            <dd>{formatNumber(data.attempts)}</dd>
          </div>
          <div className="stat">
            <dt>{t('analytics.items.alpha')}</dt>
            <dd>{data.alpha === null ? '—' : formatCoefficient(data.alpha)}</dd>
          </div>
          <div className="stat">
            <dt>{t('analytics.items.flagged')}</dt>
            <dd>{formatNumber(flagged)}</dd>
          </div>
        </dl>
        <details className="item-help">
          <summary>{t('analytics.items.help.title')}</summary>
          <ul>
            <li>{t('analytics.items.help.facility')}</li>
            <li>{t('analytics.items.help.discrimination')}</li>
            <li>{t('analytics.items.help.alpha')}</li>
          </ul>
        </details>
        {flagged > 0 && (
          <label className="choice">
            <input
              type="checkbox"
              checked={flaggedOnly}
              onChange={(event) => {
                setFlaggedOnly(event.target.checked);
              }}
            />
            <span>{t('analytics.items.flaggedOnly', { n: flagged })}</span>
          </label>
        )}
        <div className="item-list">
          {items.map((item) => (
            <ItemCard key={item.questionId} item={item} index={data.items.indexOf(item)} roundId={id} />
          ))}
        </div>
      </>
    );
  }

  return (
    <section className="page page--wide analytics-page" aria-labelledby="items-title">
      <p>
        <Link to={`/admin/rounds/${id}`} className="back-link">
          {round.data ? t('analytics.items.back', { round: round.data.title }) : t('analytics.items.backFallback')}
        </Link>
      </p>
      <div className="round-page__heading">
        <h1 id="items-title">{title}</h1>
        {round.data && <span className={`badge badge--phase-${round.data.phase}`}>{t(`rounds.phase.${round.data.phase}`)}</span>}
      </div>
      <p className="page__intro">{t('analytics.items.intro')}</p>
      {data && (
        <p className="field__hint">
          {live ? t('analytics.items.live', { seconds: itemAnalysisPollMs / 1000 }) : t('analytics.items.afterClose')}
          {analysis.dataUpdatedAt > 0 && <> {t('ops.updatedAt', { time: formatTime(new Date(analysis.dataUpdatedAt).toISOString()) })}</>}
        </p>
      )}
      {analysis.isError && data && <ErrorNotice message={errorMessage(analysis.error)} />}
      {body}
    </section>
  );
}
