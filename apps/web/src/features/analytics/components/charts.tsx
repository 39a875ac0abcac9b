/**
 * The dashboard's charts, written by hand: a few bars and lines do not justify a chart library
 * (the smallest worth having weigh 40–100 kB), and like round-ops' timeline chart they scale to their
 * container with no sideways scroll. Text is HTML beside the SVG (text inside a stretched SVG would
 * stretch too); each chart is an image with a title, and its numbers are in a table for screen readers.
 * Colours have at least 3:1 contrast on white, and each line also has its own dash pattern. A hidden
 * table sits in a hidden box: a table is never narrower than its content, and would widen the page.
 */
import type { ParticipationRoundRef, UnitParticipationEntry } from '@hoi-thi/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber, formatRate } from '../../../lib/format';
import type { RoundTotal } from './participation-model';

export const seriesColors = ['#b3261e', '#0b57d0', '#1b5e20', '#6a1b9a', '#a85d00', '#00695c'] as const;
export const seriesDashes = ['', '8 4', '2 3', '10 3 2 3', '4 4', '1 3'] as const;

const seriesStyle = (index: number) => ({ color: seriesColors[index % seriesColors.length]!, dash: seriesDashes[index % seriesDashes.length]! });

/** Participants of the whole tree per round: one bar per round, the number above it. */
export function RoundBars({ totals }: { totals: readonly RoundTotal[] }) {
  const { t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...totals.map((total) => total.participants));
  return (
    <figure className="chart">
      <div className="round-bars" role="img" aria-labelledby={`${id}-title`}>
        <span id={`${id}-title`} className="visually-hidden">
          {t('analytics.charts.barsTitle')}
        </span>
        {totals.map((total, index) => (
          <div key={total.round.id} className="round-bars__column" aria-hidden="true">
            <span className="round-bars__value">{formatNumber(total.participants)}</span>
            <span className="round-bars__track">
              <span className="round-bars__bar" data-latest={index === totals.length - 1} style={{ height: `${String((total.participants / max) * 100)}%` }} />
            </span>
            <span className="round-bars__label" title={total.round.title}>
              {total.round.title}
            </span>
          </div>
        ))}
      </div>
      <div className="visually-hidden">
        <table>
          <caption>{t('analytics.charts.barsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.table.round')}</th>
              <th scope="col">{t('analytics.table.participants')}</th>
              <th scope="col">{t('analytics.table.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total) => (
              <tr key={total.round.id}>
                <th scope="row">{total.round.title}</th>
                <td>{formatNumber(total.participants)}</td>
                <td>{formatRate(total.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const plotWidth = 600;
const plotHeight = 200;

function points(unit: UnitParticipationEntry, count: number, max: number): string {
  const step = count > 1 ? plotWidth / (count - 1) : 0;
  return unit.rounds
    .slice(0, count)
    .map((round, index) => `${String(count > 1 ? index * step : plotWidth / 2)},${String(plotHeight - (round.participationRate / max) * plotHeight)}`)
    .join(' ');
}

/** A line per unit: its participation rate round after round, on one scale. */
export function UnitLines({ units, rounds }: { units: readonly UnitParticipationEntry[]; rounds: readonly ParticipationRoundRef[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (units.length === 0 || rounds.length === 0) return null;
  const max = Math.max(0.01, ...units.flatMap((unit) => unit.rounds.map((round) => round.participationRate)));
  return (
    <figure className="chart">
      <div className="line-chart">
        <span className="line-chart__max" aria-hidden="true">
          {formatRate(max)}
        </span>
        <span className="line-chart__min" aria-hidden="true">
          {formatRate(0)}
        </span>
        <svg className="line-chart__svg" viewBox={`0 0 ${String(plotWidth)} ${String(plotHeight)}`} preserveAspectRatio="none" role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{t('analytics.charts.linesTitle')}</title>
          <line x1={0} x2={plotWidth} y1={0.5} y2={0.5} className="chart__grid" vectorEffect="non-scaling-stroke" />
          <line x1={0} x2={plotWidth} y1={plotHeight / 2} y2={plotHeight / 2} className="chart__grid" vectorEffect="non-scaling-stroke" />
          <line x1={0} x2={plotWidth} y1={plotHeight - 0.5} y2={plotHeight - 0.5} className="chart__axis" vectorEffect="non-scaling-stroke" />
          {units.map((unit, index) => {
            const style = seriesStyle(index);
            return (
              <polyline
                key={unit.unitId}
                points={points(unit, rounds.length, max)}
                fill="none"
                stroke={style.color}
                strokeWidth={3}
                strokeDasharray={style.dash || undefined}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
        </svg>
      </div>
      <div className="line-chart__rounds" aria-hidden="true">
        <span>{rounds[0]!.title}</span>
        {rounds.length > 1 && <span>{rounds.at(-1)!.title}</span>}
      </div>
      <figcaption>
        <ul className="chart-legend">
          {units.map((unit, index) => {
            const style = seriesStyle(index);
            return (
              <li key={unit.unitId} className="chart-legend__item">
                <svg className="chart-legend__swatch" viewBox="0 0 32 8" aria-hidden="true">
                  <line x1={0} x2={32} y1={4} y2={4} stroke={style.color} strokeWidth={3} strokeDasharray={style.dash || undefined} />
                </svg>
                <span>
                  {unit.name} <span className="chart-legend__value">{formatRate(unit.rounds.at(-1)?.participationRate ?? 0)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>{t('analytics.charts.linesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.table.unit')}</th>
              {rounds.map((round) => (
                <th key={round.id} scope="col">
                  {round.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row">{unit.name}</th>
                {unit.rounds.map((round) => (
                  <td key={round.roundId}>{formatRate(round.participationRate)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** One small chart per large unit, all on the same scale, so they compare at a glance. */
export function SmallMultiples({ units, rounds }: { units: readonly UnitParticipationEntry[]; rounds: readonly ParticipationRoundRef[] }) {
  const { t } = useTranslation();
  if (units.length === 0 || rounds.length === 0) return null;
  const max = Math.max(0.01, ...units.flatMap((unit) => unit.rounds.map((round) => round.participationRate)));
  const slot = plotWidth / rounds.length;
  return (
    <ul className="multiples">
      {units.map((unit) => {
        const latest = unit.rounds.at(-1);
        return (
          <li key={unit.unitId} className="multiples__item">
            <p className="multiples__name">{unit.name}</p>
            <p className="multiples__numbers">
              {t('analytics.multiples.members', { n: formatNumber(unit.memberCount) })}
              <span className="multiples__latest">{formatRate(latest?.participationRate ?? 0)}</span>
            </p>
            <svg
              className="multiples__svg"
              viewBox={`0 0 ${String(plotWidth)} ${String(plotHeight)}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={t('analytics.multiples.label', {
                unit: unit.name,
                values: unit.rounds.map((round, index) => `${rounds[index]?.title ?? ''}: ${formatRate(round.participationRate)}`).join('; '),
              })}
            >
              <line x1={0} x2={plotWidth} y1={plotHeight - 0.5} y2={plotHeight - 0.5} className="chart__axis" vectorEffect="non-scaling-stroke" />
              {unit.rounds.map((round, index) => {
                const height = (round.participationRate / max) * plotHeight;
                return <rect key={round.roundId} x={index * slot + slot * 0.15} width={slot * 0.7} y={plotHeight - height} height={height} className="multiples__bar" data-latest={index === unit.rounds.length - 1} />;
              })}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
