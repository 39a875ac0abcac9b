import { blueprintCoverage } from '@hoi-thi/contest-engine';
import type { RoundResponse } from '@hoi-thi/contracts';
import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useTimeLimitText } from '../../rounds';
import type { AvailabilityItem } from '../../question-bank';
import type { BlueprintShortfallBody } from '../api/contest-admin-api';
import { useDeleteRound } from '../hooks/use-contest-admin';
import { availabilityText } from './blueprint-check';
import { RoundPreview } from './round-preview';

interface RoundAdminCardProps {
  round: RoundResponse;
  topicNames: Map<string, string>;
  availability: readonly AvailabilityItem[] | undefined;
  /** From a refused publish: the line of this round the bank cannot fill. */
  shortfall: BlueprintShortfallBody | null;
  /** Whether the caller manages the contest (may preview a paper, edit and delete). */
  canManage: boolean;
  /** A finished contest's rounds stay as they are. */
  contestFinished: boolean;
  onEdit: () => void;
  onDeleted: (round: RoundResponse) => void;
}

/** A round as the organizers see it in the builder: window, rules, blueprint against the bank; edit, delete. */
export function RoundAdminCard({ round, topicNames, availability, shortfall, canManage, contestFinished, onEdit, onDeleted }: RoundAdminCardProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteRound(round.id);
  const [confirming, setConfirming] = useState(false);
  // Before it opens, anything; once open, the title and a later close; once closed, nothing (409 ROUND.LOCKED).
  const canEdit = canManage && !contestFinished && round.phase !== 'closed';
  const canDelete = canManage && !contestFinished && round.phase === 'upcoming';
  const timeLimitText = useTimeLimitText();
  const checks = round.blueprint && availability ? blueprintCoverage(round.blueprint, availability) : null;
  const shortLines = new Map((shortfall?.shortfalls ?? (shortfall ? [shortfall] : [])).map((line) => [line.lineIndex, line]));

  return (
    <article id={`round-${round.id}`} className="card round-admin" aria-labelledby={`round-${round.id}-title`}>
      <div className="round-page__heading">
        <h3 id={`round-${round.id}-title`}>{round.title}</h3>
        <span className={`badge badge--phase-${round.phase}`}>{t(`rounds.phase.${round.phase}`)}</span>
      </div>
      <p className="field__hint">{t('rounds.window', { opens: formatDateTime(round.opensAt), closes: formatDateTime(round.closesAt) })}</p>
      <dl className="facts">
        {round.timeLimitSeconds !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.timeLimit')}</dt>
            <dd>{timeLimitText(round.timeLimitSeconds)}</dd>
          </div>
        )}
        {round.maxAttempts !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.attempts')}</dt>
            <dd>{round.maxAttempts}</dd>
          </div>
        )}
        {round.questionCount !== null && (
          <div className="facts__item">
            <dt>{t('rounds.rules.questions')}</dt>
            <dd>{round.questionCount}</dd>
          </div>
        )}
        {round.judgesPerEntry !== null && (
          <div className="facts__item">
            <dt>{t('builder.round.judgesPerEntry')}</dt>
            <dd>{round.judgesPerEntry}</dd>
          </div>
        )}
        {(round.minWords !== null || round.maxWords !== null) && (
          <div className="facts__item">
            <dt>{t('essays.words')}</dt>
            <dd>{t('essays.limits', { min: formatNumber(round.minWords ?? 0), max: round.maxWords === null ? '∞' : formatNumber(round.maxWords) })}</dd>
          </div>
        )}
      </dl>

      {round.blueprint && (
        <div className="round-admin__blueprint">
          <h4 className="round-admin__subtitle">{t('builder.blueprint.title')}</h4>
          <ol className="blueprint-summary">
            {round.blueprint.map((line, index) => {
              const check = checks?.[index];
              const refused = shortLines.get(index);
              const short = refused !== undefined || (check !== undefined && check.short > 0);
              return (
                <li key={index} id={`round-${round.id}-line-${String(index)}`} className="blueprint-summary__line" data-short={short ? true : undefined}>
                  <span className="blueprint-summary__what">
                    {t('builder.blueprint.summary', {
                      n: index + 1,
                      count: line.count,
                      topic: topicNames.get(line.topicId) ?? t('builder.blueprint.unknownTopic'),
                      difficulty: line.difficulty ? t(`bank.difficulty.${line.difficulty}`) : t('builder.blueprint.anyDifficulty'),
                    })}
                    {line.points !== undefined && ` · ${t('bank.list.points', { points: formatNumber(line.points) })}`}
                  </span>
                  {check && (
                    <span className="blueprint-summary__bank" data-tone={check.short > 0 ? 'warn' : 'ok'}>
                      {availabilityText(t, check, line.count)}
                    </span>
                  )}
                  {refused && (
                    <span className="field__error" role="alert">
                      {t('builder.blueprint.serverShort', { needed: refused.needed, available: refused.available })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}

      {round.rubric && (
        <div>
          <h4 className="round-admin__subtitle">{t('builder.rubric.title')}</h4>
          <ul className="plain-list">
            {round.rubric.map((criterion) => (
              <li key={criterion.name}>
                {t('builder.rubric.summary', { name: criterion.name, max: formatNumber(criterion.maxPoints), weight: formatNumber(criterion.weight ?? 1) })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {canManage && round.kind === 'quiz' && <RoundPreview roundId={round.id} />}

      <div className="toolbar">
        <Link to={`/admin/rounds/${round.id}`} className="button button--secondary">
          {t('builder.round.operate')}
        </Link>
        <Link to={`/rounds/${round.id}`} className="button button--ghost">
          {t('builder.round.memberView')}
        </Link>
        {canEdit && (
          <button type="button" className="button button--ghost" aria-label={t('builder.round.editLabel', { title: round.title })} onClick={onEdit}>
            {t('builder.round.edit')}
          </button>
        )}
        {canDelete && (
          <button
            type="button"
            className="button button--ghost"
            aria-label={t('builder.round.deleteLabel', { title: round.title })}
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('builder.round.delete')}
          </button>
        )}
      </div>
      {canManage && round.phase === 'open' && <p className="field__hint">{t('builder.round.openEditHint')}</p>}
      {remove.isError && <ErrorNotice title={t('builder.round.deleteFailed')} message={errorMessage(remove.error)} />}
      {confirming && (
        <ConfirmDialog
          title={t('builder.round.deleteTitle', { title: round.title })}
          confirmLabel={t('builder.round.delete')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            remove.mutate(undefined, {
              onSuccess: () => {
                onDeleted(round);
              },
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('builder.round.deleteText')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
