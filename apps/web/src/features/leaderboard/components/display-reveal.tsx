import type { LeaderboardEntry } from '@hoi-thi/contracts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatDuration, formatNumber } from '../../../lib/format';
import { revealIntervals, revealSizes } from './display-reveal-options';
import './display-reveal.css';


/** Keys that step forward: space and → (and PageDown, what a presenter's clicker sends). */
const forwardKeys = new Set([' ', 'Spacebar', 'ArrowRight', 'PageDown']);
const backKeys = new Set(['ArrowLeft', 'PageUp']);

/** A key pressed in a control belongs to it (space on a button clicks it, arrows move in a select). */
function inControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, select, input, textarea, a, summary') !== null;
}

interface RevealBoardProps {
  /** The final board's top lines, best first. */
  entries: readonly LeaderboardEntry[];
  caption: string;
  size: number;
  interval: number;
  onSize: (size: number) => void;
  onInterval: (seconds: number) => void;
  onExit: () => void;
}

/**
 * The final board revealed from the bottom, one line per step (DOMjudge's resolver, for a quiz): the
 * ranks are on screen from the start, names and scores appear from the last place up to the winner.
 * A step is a key press (space/→, ← goes back), a tap on "Tiếp", or a tick of the timer.
 */
export function RevealBoard({ entries, caption, size, interval, onSize, onInterval, onExit }: RevealBoardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [revealed, setRevealed] = useState(0);
  const [playing, setPlaying] = useState(false);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const total = entries.length;
  const done = revealed >= total;
  // Index (in rank order) of the line revealed last, and of the one revealed next.
  const lastIndex = revealed > 0 ? total - revealed : null;
  const nextIndex = done ? null : total - revealed - 1;

  const step = useCallback(
    (by: number) => {
      setRevealed((current) => Math.min(total, Math.max(0, current + by)));
    },
    [total],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || inControl(event.target)) return;
      if (forwardKeys.has(event.key)) {
        event.preventDefault();
        step(1);
      } else if (backKeys.has(event.key)) {
        event.preventDefault();
        step(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [step]);

  useEffect(() => {
    if (!playing || done) return;
    const timer = setInterval(() => {
      step(1);
    }, interval * 1000);
    return () => {
      clearInterval(timer);
    };
  }, [playing, done, interval, step]);

  // Keep the line about to be revealed (or just revealed) on screen: 20 lines in large type overflow a TV.
  useEffect(() => {
    const row = rowRefs.current.get(lastIndex ?? total - 1);
    row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [lastIndex, total]);

  const last = lastIndex === null ? null : entries[lastIndex];
  const playingNow = playing && !done;

  return (
    <div className="reveal">
      <table className="board reveal__board">
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
          {entries.map((entry, index) => {
            const shown = index >= total - revealed;
            return (
              <tr
                key={entry.userId}
                ref={(element) => {
                  if (element) rowRefs.current.set(index, element);
                  else rowRefs.current.delete(index);
                }}
                data-top={shown && entry.rank <= 3 ? entry.rank : undefined}
                data-hidden={!shown || undefined}
                data-next={index === nextIndex || undefined}
                data-last={index === lastIndex || undefined}
                data-testid="reveal-row"
              >
                <td className="board__rank">{entry.rank}</td>
                {shown ? (
                  <>
                    <td className="board__who">
                      <span className="board__name">{entry.fullName}</span>
                      {entry.unitName && <span className="board__unit">{entry.unitName}</span>}
                    </td>
                    <td className="board__number board__score">{formatNumber(entry.score)}</td>
                    <td className="board__number">{formatDuration(entry.durationMs)}</td>
                  </>
                ) : (
                  <td className="board__who reveal__pending" colSpan={3}>
                    <span aria-hidden="true">• • •</span>
                    <span className="visually-hidden">{t('displayReveal.hiddenLine')}</span>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <p className="visually-hidden" aria-live="polite">
        {last ? t('displayReveal.announce', { rank: last.rank, name: last.fullName, score: formatNumber(last.score) }) : ''}
      </p>

      <div className="reveal__controls" role="group" aria-label={t('displayReveal.controls')}>
        <p className="reveal__progress">
          {done ? t('displayReveal.done') : t('displayReveal.progress', { shown: revealed, total })}
        </p>
        <div className="reveal__buttons">
          <button
            type="button"
            className="button reveal__button"
            onClick={() => {
              step(-1);
            }}
            disabled={revealed === 0}
          >
            {t('displayReveal.back')}
          </button>
          <button
            type="button"
            className="button button--primary reveal__button reveal__next"
            onClick={() => {
              step(1);
            }}
            disabled={done}
          >
            {t('displayReveal.next')}
          </button>
          <button
            type="button"
            className="button reveal__button"
            aria-pressed={playingNow}
            onClick={() => {
              setPlaying(!playingNow);
            }}
            disabled={done}
          >
            {playingNow ? t('displayReveal.pause') : t('displayReveal.play')}
          </button>
          <label className="reveal__field" htmlFor={`${id}-interval`}>
            <span>{t('displayReveal.interval')}</span>
            <select
              id={`${id}-interval`}
              value={interval}
              onChange={(event) => {
                onInterval(Number(event.target.value));
              }}
            >
              {revealIntervals.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {t('displayReveal.seconds', { n: seconds })}
                </option>
              ))}
            </select>
          </label>
          <label className="reveal__field" htmlFor={`${id}-size`}>
            <span>{t('displayReveal.size')}</span>
            <select
              id={`${id}-size`}
              value={size}
              onChange={(event) => {
                setRevealed(0);
                setPlaying(false);
                onSize(Number(event.target.value));
              }}
            >
              {revealSizes.map((count) => (
                <option key={count} value={count}>
                  {t('displayReveal.top', { n: count })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button reveal__button"
            onClick={() => {
              setPlaying(false);
              setRevealed(total);
            }}
            disabled={done}
          >
            {t('displayReveal.showAll')}
          </button>
          <button type="button" className="button reveal__button" onClick={onExit}>
            {t('displayReveal.exit')}
          </button>
        </div>
        <p className="reveal__keys">{t('displayReveal.keys')}</p>
      </div>
    </div>
  );
}
