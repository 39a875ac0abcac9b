import { useTranslation } from '../../../lib/i18n';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { Pager } from '../../../components/pager';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDuration, formatNumber } from '../../../lib/format';
import { leaderboardApi } from '../api/leaderboard-api';
import { contestBoardPageSize, useContestBoard } from '../hooks/use-contest-boards';
import { BoardFreezeNotice } from './board-freeze-notice';

interface ContestBoardPanelProps {
  contestId: string;
  canManage: boolean;
  page: number;
  onPage: (page: number) => void;
}

/** Individuals: every member's results summed over the contest's rounds, a page at a time. */
export function ContestBoardPanel({ contestId, canManage, page, onPage }: ContestBoardPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const board = useContestBoard(contestId, page);

  let body;
  if (board.isPending) {
    body = (
      <p role="status" className="notice">
        {t('display.loading')}
      </p>
    );
  } else if (board.isError) {
    body = <ErrorNotice title={t('display.loadFailed')} message={errorMessage(board.error)} onRetry={() => void board.refetch()} retrying={board.isFetching} />;
  } else if (board.data.entries.length === 0) {
    body = <p className="notice empty-state">{page > 1 ? t('board.pageEmpty') : t('display.empty')}</p>;
  } else {
    const { entries, total } = board.data;
    const offset = (page - 1) * contestBoardPageSize;
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table stack-table" aria-busy={board.isFetching}>
            <caption className="visually-hidden">{t('board.individualsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="data-table__number">
                  {t('display.columns.rank')}
                </th>
                <th scope="col">{t('display.columns.name')}</th>
                <th scope="col" className="data-table__number">
                  {t('board.totalScore')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('board.roundsPlayed')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('board.totalTime')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.userId}>
                  <td className="data-table__number stack-table__rank" data-label={t('display.columns.rank')}>
                    {formatNumber(entry.rank)}
                  </td>
                  <th scope="row" className="stack-table__main">
                    <span className="regrade-table__name">{entry.fullName}</span>
                    {entry.unitName && <span className="regrade-table__unit">{entry.unitName}</span>}
                  </th>
                  <td className="data-table__number" data-label={t('board.totalScore')}>
                    {formatNumber(entry.totalScore)}
                  </td>
                  <td className="data-table__number" data-label={t('board.roundsPlayed')}>
                    {formatNumber(entry.roundsPlayed)}
                  </td>
                  <td className="data-table__number" data-label={t('board.totalTime')}>
                    {formatDuration(entry.totalDurationMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          label={t('board.individualsPages')}
          status={t('board.range', { first: formatNumber(offset + 1), last: formatNumber(offset + entries.length), total: formatNumber(total) })}
          canPrevious={page > 1}
          canNext={offset + entries.length < total}
          onPrevious={() => {
            onPage(page - 1);
          }}
          onNext={() => {
            onPage(page + 1);
          }}
        />
      </>
    );
  }

  return (
    <div className="board-panel">
      <p className="field__hint">{t('board.individualsHint')}</p>
      {board.data && <BoardFreezeNotice frozen={board.data.frozen} frozenAt={board.data.frozenAt} />}
      {canManage && <DownloadButton label={t('board.exportIndividuals')} download={() => leaderboardApi.exportContest(contestId)} />}
      {body}
    </div>
  );
}
