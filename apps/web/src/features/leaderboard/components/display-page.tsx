import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDuration, formatNumber, formatTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRound } from '../../rounds';
import { useDisplayBoard, useRevealBoard, type LiveBoard } from './display-board';
import { defaultRevealInterval, defaultRevealSize, revealIntervals, revealSizes } from './display-reveal-options';
import './display-page.css';
import { useSearchParamsUpdate } from '../../../lib/use-search-params-update';

// Only a finals evening needs the reveal: it loads on demand, so members' phones never download it.
const RevealBoard = lazy(() => import('./display-reveal').then((m) => ({ default: m.RevealBoard })));

function useFullscreen(): boolean {
  const [fullscreen, setFullscreen] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const update = () => {
      setFullscreen(Boolean(document.fullscreenElement));
    };
    document.addEventListener('fullscreenchange', update);
    return () => {
      document.removeEventListener('fullscreenchange', update);
    };
  }, []);
  return fullscreen;
}

function FullscreenButton({ fullscreen }: { fullscreen: boolean }) {
  const { t } = useTranslation();
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

/** A number from the query string when it is one of `allowed`, else the default. */
function pick(value: string | null, allowed: readonly number[], fallback: number): number {
  const number = Number(value);
  return allowed.includes(number) ? number : fallback;
}

function BoardTable({ board, caption }: { board: LiveBoard; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="board">
      <caption className="visually-hidden">{caption}</caption>
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
        {board.entries.map((entry) => (
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

/**
 * The public board for a TV or a phone: top 20 in large type, live, no login, as the public sees it
 * (frozen in the last minutes, whoever is signed in). After close it offers the reveal: the final
 * board from the bottom up (`?reveal=1`, with `top` lines and a step every `every` seconds).
 */
export function DisplayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, updateParams] = useSearchParamsUpdate();
  const errorMessage = useErrorMessage();
  const round = useRound(id);
  const { board, status } = useDisplayBoard(id);
  const fullscreen = useFullscreen();
  const data = board.data;

  const revealing = params.get('reveal') === '1' && data?.final === true;
  const size = pick(params.get('top'), revealSizes, defaultRevealSize);
  const interval = pick(params.get('every'), revealIntervals, defaultRevealInterval);
  const reveal = useRevealBoard(id, size, revealing);
  const setParam = (changes: Record<string, string | null>) => {
    updateParams(
      (next) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
      },
      { replace: true },
    );
  };

  // The freeze holds until the reveal: when the round closes while this screen shows the frozen
  // board, it keeps showing it (the stream would put the final ranking on the wall at once).
  const [held, setHeld] = useState<LiveBoard | null>(null);
  const [showFinal, setShowFinal] = useState(false);
  if (data?.frozen && !data.final && held !== data) setHeld(data);
  const holding = data?.final === true && held !== null && !showFinal && !revealing;
  const shown = holding ? held : data;

  const title = round.data ? t('display.title', { round: round.data.title }) : t('display.titleFallback');
  useDocumentTitle(title);

  const startReveal = () => {
    setParam({ reveal: '1' });
  };

  let body;
  if (board.isPending) {
    body = (
      <p role="status" className="display__message">
        {t('display.loading')}
      </p>
    );
  } else if (board.isError && !data) {
    body = <ErrorNotice title={t('display.loadFailed')} message={errorMessage(board.error)} onRetry={() => void board.refetch()} retrying={board.isFetching} />;
  } else if (revealing) {
    if (reveal.isPending) {
      body = (
        <p role="status" className="display__message">
          {t('display.loading')}
        </p>
      );
    } else if (reveal.isError) {
      body = <ErrorNotice title={t('display.loadFailed')} message={errorMessage(reveal.error)} onRetry={() => void reveal.refetch()} retrying={reveal.isFetching} />;
    } else if (reveal.data.entries.length === 0) {
      body = <p className="display__message">{t('display.empty')}</p>;
    } else {
      body = (
        <Suspense
          fallback={
            <p role="status" className="display__message">
              {t('display.loading')}
            </p>
          }
        >
          <RevealBoard
            key={size}
            entries={reveal.data.entries}
            caption={title}
            size={size}
            interval={interval}
            onSize={(value) => {
              setParam({ top: String(value) });
            }}
            onInterval={(value) => {
              setParam({ every: String(value) });
            }}
            onExit={() => {
              setShowFinal(true);
              setParam({ reveal: null });
            }}
          />
        </Suspense>
      );
    }
  } else if (!shown || shown.entries.length === 0) {
    body = <p className="display__message">{t('display.empty')}</p>;
  } else {
    body = <BoardTable board={shown} caption={title} />;
  }

  return (
    <main className="display" id="main" data-revealing={revealing || undefined}>
      {/* A phone that opened the display from a shared link needs a way on; the big screen in full
          screen does not, so the link goes away there. */}
      {!fullscreen && (
        <p className="display__nav">
          <Link to={`/rounds/${id}`} className="display__back">
            {t('displayReveal.backToRound')}
          </Link>
        </p>
      )}
      <header className="display__header">
        <div className="display__heading">
          {round.data && <p className="display__contest">{round.data.contestTitle}</p>}
          <h1 className="display__title">{title}</h1>
        </div>
        <div className="display__meta">
          {!revealing && (
            <p className="live-status" data-status={status} role="status">
              {t(`display.status.${status}`)}
            </p>
          )}
          {shown && <p>{t('display.participants', { n: formatNumber(shown.total) })}</p>}
          {data?.final && !holding && <p className="badge badge--final">{t('display.final')}</p>}
          {shown?.frozen && (
            <p className="badge badge--frozen" data-testid="frozen">
              {shown.frozenAt ? t('display.frozen', { time: formatTime(shown.frozenAt) }) : t('display.frozenNoTime')}
            </p>
          )}
          {data?.final && !revealing && !holding && (
            <button type="button" className="button button--ghost display__fullscreen" onClick={startReveal}>
              {t('displayReveal.start')}
            </button>
          )}
          <FullscreenButton fullscreen={fullscreen} />
        </div>
      </header>
      {holding && (
        <div className="display__hold" role="status">
          <p>{t('displayReveal.closedHeld')}</p>
          <div className="display__hold-actions">
            <button type="button" className="button button--primary" onClick={startReveal}>
              {t('displayReveal.start')}
            </button>
            <button
              type="button"
              className="button button--ghost display__fullscreen"
              onClick={() => {
                setShowFinal(true);
              }}
            >
              {t('displayReveal.showFinal')}
            </button>
          </div>
        </div>
      )}
      {body}
      {!revealing && shown?.sentAt && <p className="display__updated">{t('display.updatedAt', { time: formatTime(shown.sentAt) })}</p>}
    </main>
  );
}
