import type { ContestResponse, RoundResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { useTimeLimitText } from '../../rounds';

function RoundLine({ round }: { round: RoundResponse }) {
  const { t } = useTranslation();
  const timeLimitText = useTimeLimitText();
  const facts = [
    round.questionCount !== null ? t('contests.round.questions', { n: round.questionCount }) : null,
    round.timeLimitSeconds !== null ? timeLimitText(round.timeLimitSeconds) : null,
  ].filter(Boolean);
  const content = (
    <>
      <span className="round-link__title">{round.title}</span>
      <span className={`badge badge--phase-${round.phase}`}>{t(`rounds.phase.${round.phase}`)}</span>
      {facts.length > 0 && <span className="round-link__facts">{facts.join(' · ')}</span>}
    </>
  );
  return (
    <Link to={`/rounds/${round.id}`} className="round-link">
      {content}
    </Link>
  );
}

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
      {contest.rounds.length > 0 && (
        <ul className="round-list" aria-label={t('contests.round.listLabel', { contest: contest.title })}>
          {contest.rounds.map((round) => (
            <li key={round.id}>
              <RoundLine round={round} />
            </li>
          ))}
        </ul>
      )}
      {contest.status !== 'draft' && contest.kind === 'quiz' && (
        <p>
          <Link to={`/contests/${contest.id}/board`} className="contest-card__board" aria-label={t('board.linkLabel', { contest: contest.title })}>
            {t('board.link')}
          </Link>
        </p>
      )}
    </article>
  );
}
