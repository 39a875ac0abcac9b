import type { ParticipationResponse } from '@hoi-thi/contracts';
import { useId } from 'react';
import { appTimeZone } from '../../../lib/format';
import { currentLanguage, useTranslation } from '../../../lib/i18n';

/** More bars than this get too thin on a phone: the chart shows the latest ones. */
export const maxBars = 36;

const locales = { vi: 'vi-VN', en: 'en-GB' } as const;

function bucketLabel(iso: string, bucket: 'hour' | 'day'): string {
  const options: Intl.DateTimeFormatOptions = bucket === 'hour' ? { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { day: '2-digit', month: '2-digit' };
  // On Vietnam's clock, like every other time on the screen.
  return new Intl.DateTimeFormat(locales[currentLanguage()], { ...options, timeZone: appTimeZone }).format(new Date(iso));
}

/**
 * Attempts started and finished per hour (or day) as plain SVG bars: no chart library. The numbers
 * are also in a table for screen readers, and the SVG scales to its container (no sideways scroll).
 */
export function TimelineChart({ timeline, bucket }: { timeline: ParticipationResponse['timeline']; bucket: 'hour' | 'day' }) {
  const { t } = useTranslation();
  const id = useId();
  const shown = timeline.slice(-maxBars);
  if (shown.length === 0) return <p className="notice">{t('ops.participation.noAttempts')}</p>;

  const max = Math.max(1, ...shown.map((point) => Math.max(point.started, point.finished)));
  // Drawn in a 600 × 200 box stretched to the container's width: no text inside (it would stretch
  // too), and bars no wider than 40 units so a few buckets do not fill the whole chart.
  const width = 600;
  const height = 200;
  const slot = Math.min(width / shown.length, 40);
  const bar = Math.max(1, (slot - 4) / 2);
  const y = (value: number) => height - (value / max) * height;
  const first = shown[0]!;
  const last = shown.at(-1)!;

  return (
    <figure className="timeline">
      <div className="timeline__plot">
        <span className="timeline__max" aria-hidden="true">
          {max}
        </span>
        <svg className="timeline__svg" viewBox={`0 0 ${String(width)} ${String(height)}`} preserveAspectRatio="none" role="img" aria-labelledby={`${id}-title`}>
          <title id={`${id}-title`}>{t('ops.participation.chartTitle', { bucket: t(`ops.participation.bucket.${bucket}`) })}</title>
          <line x1={0} x2={width} y1={0.5} y2={0.5} className="timeline__grid" vectorEffect="non-scaling-stroke" />
          <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="timeline__axis" vectorEffect="non-scaling-stroke" />
          {shown.map((point, index) => {
            const x = index * slot + 2;
            return (
              <g key={point.at}>
                <rect x={x} y={y(point.started)} width={bar} height={height - y(point.started)} className="timeline__bar timeline__bar--started" />
                <rect x={x + bar} y={y(point.finished)} width={bar} height={height - y(point.finished)} className="timeline__bar timeline__bar--finished" />
              </g>
            );
          })}
        </svg>
      </div>
      <div className="timeline__axis-labels" aria-hidden="true" style={{ width: `${String(Math.min(100, (shown.length * slot * 100) / width))}%` }}>
        <span>{bucketLabel(first.at, bucket)}</span>
        {shown.length > 1 && <span>{bucketLabel(last.at, bucket)}</span>}
      </div>
      <figcaption className="timeline__legend">
        <span className="timeline__key timeline__key--started">{t('ops.participation.started')}</span>
        <span className="timeline__key timeline__key--finished">{t('ops.participation.finished')}</span>
        {timeline.length > shown.length && <span className="field__hint">{t('ops.participation.latest', { n: shown.length })}</span>}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('ops.participation.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ops.participation.when')}</th>
            <th scope="col">{t('ops.participation.started')}</th>
            <th scope="col">{t('ops.participation.finished')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((point) => (
            <tr key={point.at}>
              <th scope="row">{bucketLabel(point.at, bucket)}</th>
              <td>{point.started}</td>
              <td>{point.finished}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
