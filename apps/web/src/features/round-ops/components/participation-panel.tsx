import type { RoundDetailResponse, UnitBoardOrderBy } from '@hoi-thi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber, formatRate, formatTime } from '../../../lib/format';
import { rankWithinLevel, unitLevels, useUnitBoard } from '../../leaderboard';
import { livePollMs, useParticipation } from '../hooks/use-round-ops';
import { TimelineChart } from './timeline-chart';

const unitsShown = 15;

/** Live participation: totals, attempts over time, and the units with the most participants. */
export function ParticipationPanel({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [bucket, setBucket] = useState<'hour' | 'day'>('hour');
  const participation = useParticipation(round.id, bucket);
  const data = participation.data;

  return (
    <section className="card ops-panel" aria-labelledby={`${id}-title`}>
      <div className="ops-panel__head">
        <h2 id={`${id}-title`}>{t('ops.participation.title')}</h2>
        {participation.dataUpdatedAt > 0 && (
          <p className="field__hint" aria-live="off">
            {t('ops.updatedAt', { time: formatTime(new Date(participation.dataUpdatedAt).toISOString()) })}
          </p>
        )}
      </div>
      {participation.isError && !data && <ErrorNotice message={errorMessage(participation.error)} onRetry={() => void participation.refetch()} />}
      {participation.isPending && (
        <p role="status" className="notice">
          {t('ops.loading')}
        </p>
      )}
      {data && (
        <>
          <dl className="stat-grid">
            <div className="stat">
              <dt>{t('ops.participation.participants')}</dt>
              <dd>{formatNumber(data.participants)}</dd>
            </div>
            <div className="stat">
              <dt>{t('ops.participation.finishedAttempts')}</dt>
              <dd>{formatNumber(data.finished)}</dd>
            </div>
            <div className="stat">
              <dt>{t('ops.participation.active')}</dt>
              <dd>{formatNumber(data.active)}</dd>
            </div>
          </dl>
          <fieldset className="field choice-group choice-group--inline">
            <legend className="field__label">{t('ops.participation.bucketLabel')}</legend>
            <div className="choice-group__items">
              {(['hour', 'day'] as const).map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`${id}-bucket`}
                    checked={bucket === value}
                    onChange={() => {
                      setBucket(value);
                    }}
                  />
                  <span>{t(`ops.participation.by.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TimelineChart timeline={data.timeline} bucket={bucket} />
        </>
      )}
    </section>
  );
}

/** Participants per unit of one level of the tree (rolled up the tree), by count or by rate, ranked within the level. */
export function UnitBoardPanel({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [orderBy, setOrderBy] = useState<UnitBoardOrderBy>('participants');
  const [depth, setDepth] = useState<number | null>(null);
  const [all, setAll] = useState(false);
  const board = useUnitBoard(contestId, orderBy, { refetchInterval: livePollMs });
  const levels = unitLevels(board.data?.entries ?? []);
  const level = levels.find((candidate) => candidate.depth === depth) ?? levels.at(-1);
  const entries = level && board.data ? rankWithinLevel(board.data.entries, level.depth) : [];
  const shown = all ? entries : entries.slice(0, unitsShown);

  return (
    <section className="card ops-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ops.units.title')}</h2>
      <p className="field__hint">{t('ops.units.hint')}</p>
      {levels.length > 1 && (
        <SelectField
          label={t('board.levelLabel')}
          value={level ? String(level.depth) : ''}
          onChange={(event) => {
            setDepth(Number(event.target.value));
          }}
        >
          {levels.map((candidate) => (
            <option key={candidate.depth} value={candidate.depth}>
              {t('board.levelOption', { n: candidate.depth + 1, units: formatNumber(candidate.count), example: candidate.example })}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset className="field choice-group choice-group--inline">
        <legend className="field__label">{t('ops.units.orderBy')}</legend>
        <div className="choice-group__items">
          {(['participants', 'rate'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-order`}
                checked={orderBy === value}
                onChange={() => {
                  setOrderBy(value);
                }}
              />
              <span>{t(`ops.units.by.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {board.isPending && (
        <p role="status" className="notice">
          {t('ops.loading')}
        </p>
      )}
      {board.isError && !board.data && <ErrorNotice message={errorMessage(board.error)} onRetry={() => void board.refetch()} />}
      {board.data?.frozen && (
        <p className="notice notice--warning" data-testid="units-frozen">
          {board.data.frozenAt ? t('ops.units.frozen', { time: formatTime(board.data.frozenAt) }) : t('ops.units.frozenNoTime')}
        </p>
      )}
      {board.data && entries.length === 0 && <p className="notice">{t('ops.units.empty')}</p>}
      {shown.length > 0 && (
        <ol className="unit-board">
          {shown.map((entry) => (
            <li key={entry.unitId} className="unit-board__row">
              <span className="unit-board__rank">{entry.rank}</span>
              <span className="unit-board__name">{entry.name}</span>
              <span className="unit-board__numbers">
                {t('ops.units.count', {
                  participants: formatNumber(entry.participants),
                  members: formatNumber(entry.memberCount),
                  rate: formatRate(entry.participationRate),
                })}
              </span>
              <span className="unit-board__bar" aria-hidden="true">
                <span style={{ width: `${String(Math.min(100, entry.participationRate * 100))}%` }} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="toolbar">
        {entries.length > unitsShown && (
          <button
            type="button"
            className="button button--ghost"
            aria-expanded={all}
            onClick={() => {
              setAll((value) => !value);
            }}
          >
            {all ? t('ops.units.showFewer') : t('ops.units.showAll', { n: entries.length })}
          </button>
        )}
        <Link to={`/contests/${contestId}/board?tab=units`} className="button button--ghost">
          {t('ops.units.fullBoard')}
        </Link>
      </div>
    </section>
  );
}
