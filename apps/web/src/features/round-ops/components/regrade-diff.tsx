import type { LeaderboardEntry, RegradeResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';

interface RegradeDiffProps {
  result: RegradeResponse;
  /** Names from the round board, by user id (the diff itself only carries ids). */
  people?: Map<string, LeaderboardEntry>;
}

/**
 * What a regrade changes (dry run) or changed: the corrected questions, each attempt's score old →
 * new, and how many ranks move. A list of rows that reads as a table on a wide screen and as cards
 * on a phone.
 */
export function RegradeDiff({ result, people }: RegradeDiffProps) {
  const { t } = useTranslation();
  const changed = [...result.changed].sort((a, b) => Math.abs(b.newScore - b.oldScore) - Math.abs(a.newScore - a.oldScore));

  return (
    <div className="regrade-diff">
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('ops.regrade.questions')}</dt>
          <dd>{formatNumber(result.questions.length)}</dd>
        </div>
        <div className="stat">
          <dt>{t('ops.regrade.changed')}</dt>
          <dd>{formatNumber(result.changed.length)}</dd>
        </div>
        <div className="stat">
          <dt>{t('ops.regrade.rankChanges')}</dt>
          <dd>{formatNumber(result.rankChanges)}</dd>
        </div>
      </dl>
      {result.questions.length === 0 ? (
        <p className="notice">{t('ops.regrade.nothingCorrected')}</p>
      ) : changed.length === 0 ? (
        <p className="notice">{t('ops.regrade.noScoreChanges')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('ops.regrade.tableLabel')} tabIndex={0}>
          <table className="data-table regrade-table">
            <caption className="visually-hidden">{t('ops.regrade.tableLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ops.regrade.who')}</th>
                <th scope="col" className="data-table__number">
                  {t('ops.regrade.oldScore')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('ops.regrade.newScore')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('ops.regrade.delta')}
                </th>
              </tr>
            </thead>
            <tbody>
              {changed.map((row) => {
                const person = people?.get(row.userId);
                const delta = row.newScore - row.oldScore;
                return (
                  <tr key={row.attemptId}>
                    <th scope="row" className="regrade-table__who">
                      <span className="regrade-table__name">{person?.fullName ?? t('ops.regrade.unknownMember', { id: row.userId.slice(0, 8) })}</span>
                      {person?.unitName && <span className="regrade-table__unit">{person.unitName}</span>}
                    </th>
                    <td className="data-table__number" data-label={t('ops.regrade.oldScore')}>
                      {formatNumber(row.oldScore)}
                    </td>
                    <td className="data-table__number" data-label={t('ops.regrade.newScore')}>
                      <span aria-hidden="true">→ </span>
                      {formatNumber(row.newScore)}
                    </td>
                    <td className="data-table__number" data-label={t('ops.regrade.delta')} data-delta={delta > 0 ? 'up' : 'down'}>
                      {delta > 0 ? '+' : '−'}
                      {formatNumber(Math.abs(delta))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
