import type { ContestResponse } from '@hoi-thi/contracts';
import { useTranslation } from 'react-i18next';

export function ContestCard({ contest }: { contest: ContestResponse }) {
  const { t } = useTranslation();
  return (
    <article className="card contest-card" aria-labelledby={`contest-${contest.id}`}>
      <div className="contest-card__badges">
        <span className={`badge badge--${contest.kind}`}>{t(`contests.kind.${contest.kind}`)}</span>
        {contest.status !== 'published' && (
          <span className="badge badge--muted">{t(`contests.status.${contest.status}`)}</span>
        )}
      </div>
      <h2 id={`contest-${contest.id}`} className="contest-card__title">
        {contest.title}
      </h2>
      {contest.description && <p className="contest-card__description">{contest.description}</p>}
    </article>
  );
}
