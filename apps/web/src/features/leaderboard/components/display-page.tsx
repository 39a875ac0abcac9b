import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDuration, formatNumber, formatTime } from '../../../lib/format';
import { useRound } from '../../rounds';
import { useLiveBoard } from '../hooks/use-live-board';
import { useDocumentTitle } from '../../../lib/use-document-title';

function FullscreenButton() {
  const { t } = useTranslation();
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => {
      setFullscreen(document.fullscreenElement !== null);
    };
    document.addEventListener('fullscreenchange', update);
    return () => {
      document.removeEventListener('fullscreenchange', update);
    };
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="button button--ghost display__fullscreen"
      onClick={() => void (fullscreen ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)}
    >
      {fullscreen ? t('display.exitFullscreen') : t('display.fullscreen')}
    </button>
  );
}

/** The public board for a TV or a phone: top 20 in large type, live, no login. */
export function DisplayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const round = useRound(id);
  const { board, status } = useLiveBoard(id);

  const title = round.data ? t('display.title', { round: round.data.title }) : t('display.titleFallback');
  useDocumentTitle(title);
  const data = board.data;

  let body;
  if (board.isPending) {
    body = (
      <p role="status" className="display__message">
        {t('display.loading')}
      </p>
    );
  } else if (board.isError && !data) {
    body = <ErrorNotice title={t('display.loadFailed')} message={errorMessage(board.error)} onRetry={() => void board.refetch()} retrying={board.isFetching} />;
  } else if (!data || data.entries.length === 0) {
    body = <p className="display__message">{t('display.empty')}</p>;
  } else {
    body = (
      <table className="board">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className="board__rank">
              {t('display.columns.rank')}
            </th>
            <th scope="col">{t('display.columns.name')}</th>
            <th scope="col" className="board__number">
              {t('display.columns.score')}
            </th>
            <th scope="col" className="board__number">
              {t('display.columns.time')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((entry) => (
            <tr key={entry.userId} data-top={entry.rank <= 3 ? entry.rank : undefined}>
              <td className="board__rank">{entry.rank}</td>
              <td className="board__who">
                <span className="board__name">{entry.fullName}</span>
                {entry.unitName && <span className="board__unit">{entry.unitName}</span>}
              </td>
              <td className="board__number board__score">{formatNumber(entry.score)}</td>
              <td className="board__number">{formatDuration(entry.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <main className="display" id="main">
      <header className="display__header">
        <div className="display__heading">
          {round.data && <p className="display__contest">{round.data.contestTitle}</p>}
          <h1 className="display__title">{title}</h1>
        </div>
        <div className="display__meta">
          <p className="live-status" data-status={status} role="status">
            {t(`display.status.${status}`)}
          </p>
          {data && <p>{t('display.participants', { n: formatNumber(data.total) })}</p>}
          {data?.final && <p className="badge badge--final">{t('display.final')}</p>}
          {data?.frozen && (
            <p className="badge badge--frozen" data-testid="frozen">
              {data.frozenAt ? t('display.frozen', { time: formatTime(data.frozenAt) }) : t('display.frozenNoTime')}
            </p>
          )}
          <FullscreenButton />
        </div>
      </header>
      {body}
      {data?.sentAt && <p className="display__updated">{t('display.updatedAt', { time: formatTime(data.sentAt) })}</p>}
    </main>
  );
}
