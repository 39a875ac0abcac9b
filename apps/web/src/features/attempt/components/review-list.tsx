import type { AttemptReviewResponse } from '@hoi-thi/contracts';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { orderOptions } from './option-order';

/** Each question with the member's choice, the key and the explanation. */
export function ReviewList({ review }: { review: AttemptReviewResponse }) {
  const { t } = useTranslation();
  return (
    <ol className="review-list">
      {review.questions.map((question, index) => (
        <li key={question.id} className="card review-item" data-correct={question.correct}>
          <p className="review-item__head">
            <span className="review-item__number">{t('attempt.question.number', { n: index + 1, total: review.questions.length })}</span>
            <span className={`badge ${question.correct ? 'badge--correct' : 'badge--wrong'}`}>
              {question.correct ? t('result.review.correct') : t('result.review.wrong')}
            </span>
            <span className="review-item__points">
              {t('result.review.awarded', { awarded: formatNumber(question.awarded), points: formatNumber(question.points) })}
            </span>
          </p>
          <p className="review-item__text">{question.text}</p>
          <ul className="review-options">
            {orderOptions(question.type, question.options).map((option) => {
              const chosen = question.chosenOptionIds.includes(option.id);
              const marks = [option.correct ? t('result.review.key') : null, chosen ? t('result.review.chosen') : null].filter(Boolean);
              return (
                <li key={option.id} className="review-option" data-key={option.correct} data-chosen={chosen}>
                  <span>{option.text}</span>
                  {marks.length > 0 && <span className="review-option__marks">{marks.join(' · ')}</span>}
                </li>
              );
            })}
          </ul>
          {question.chosenOptionIds.length === 0 && <p className="field__hint">{t('result.review.notAnswered')}</p>}
          {question.explanation && (
            <p className="review-item__explanation">
              <strong>{t('result.review.explanation')}</strong> {question.explanation}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
