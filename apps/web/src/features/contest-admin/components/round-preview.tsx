import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber } from '../../../lib/format';
import { useRoundPreview } from '../hooks/use-contest-admin';

/** "Xem thử đề": a paper drawn as a member's start would draw it, with the key; each click draws another. */
export function RoundPreview({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const preview = useRoundPreview(roundId);
  const paper = preview.data;

  return (
    <div className="round-preview">
      <div className="toolbar">
        <button type="button" className="button button--secondary" onClick={() => preview.mutate()} disabled={preview.isPending} aria-busy={preview.isPending}>
          {preview.isPending ? t('builder.preview.drawing') : paper ? t('builder.preview.again') : t('builder.preview.button')}
        </button>
        {paper && (
          <button type="button" className="button button--ghost" onClick={() => preview.reset()}>
            {t('builder.preview.hide')}
          </button>
        )}
      </div>
      {preview.isError && <ErrorNotice message={errorMessage(preview.error)} />}
      {paper && (
        <section className="round-preview__paper" aria-labelledby={`${id}-title`}>
          <h4 id={`${id}-title`} className="round-admin__subtitle">
            {t('builder.preview.title')}
          </h4>
          <p className="notice notice--warning">{t('builder.preview.note')}</p>
          <p className="field__hint">{t('builder.preview.summary', { n: paper.questions.length, max: formatNumber(paper.maxScore) })}</p>
          <ol className="review-list">
            {paper.questions.map((question, index) => (
              <li key={question.id} className="card review-item">
                <p className="review-item__head">
                  <span className="review-item__number">{t('attempt.question.number', { n: index + 1, total: paper.questions.length })}</span>
                  <span className="badge">{t(`bank.type.${question.type}`)}</span>
                  <span className="review-item__points">{t('builder.preview.points', { points: formatNumber(question.points) })}</span>
                </p>
                <p className="review-item__text">{question.text}</p>
                <ul className="review-options">
                  {question.options.map((option) => (
                    <li key={option.id} className="review-option" data-key={option.correct}>
                      <span>{option.text}</span>
                      {option.correct && <span className="review-option__marks">{t('builder.preview.key')}</span>}
                    </li>
                  ))}
                </ul>
                {question.explanation && (
                  <p className="review-item__explanation">
                    <strong>{t('result.review.explanation')}</strong> {question.explanation}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
