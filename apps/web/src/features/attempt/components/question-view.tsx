import type { PaperQuestion } from '@hoi-thi/contracts';
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { orderOptions } from './option-order';

interface QuestionViewProps {
  question: PaperQuestion;
  number: number;
  total: number;
  chosen: readonly string[];
  onChoose: (optionIds: string[]) => void;
  disabled: boolean;
  status: ReactNode;
  /** Focus goes to the heading when the member moves to this question. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * One question: radio buttons for single and true/false, check boxes for multiple. Up and down
 * arrows move between options without choosing; Enter or Space chooses (the page's left and right
 * arrows go to the previous and next question).
 */
export function QuestionView({ question, number, total, chosen, onChoose, disabled, status, headingRef }: QuestionViewProps) {
  const { t } = useTranslation();
  const multiple = question.type === 'multiple';
  const hintId = `question-${question.id}-hint`;

  const toggle = (optionId: string) => {
    if (!multiple) {
      onChoose([optionId]);
      return;
    }
    onChoose(chosen.includes(optionId) ? chosen.filter((id) => id !== optionId) : [...chosen, optionId]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const inputs = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input')];
    const at = inputs.indexOf(event.target as HTMLInputElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowDown' ? 1 : inputs.length - 1)) % inputs.length;
      inputs[next]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      inputs[at]?.click();
    }
  };

  return (
    <section className="question" aria-labelledby={`question-${question.id}-title`}>
      <h2 id={`question-${question.id}-title`} className="question__number" tabIndex={-1} ref={headingRef}>
        {t('attempt.question.number', { n: number, total })}
        <span className="question__points">{t('attempt.question.points', { points: formatNumber(question.points) })}</span>
      </h2>
      <fieldset className="question__fieldset" aria-describedby={hintId} disabled={disabled}>
        <legend className="question__text">{question.text}</legend>
        <p id={hintId} className="field__hint">
          {t(`attempt.question.hint.${question.type}`)}
        </p>
        <div className="options" onKeyDown={onKeyDown}>
          {orderOptions(question.type, question.options).map((option) => (
            <label key={option.id} className="option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`question-${question.id}`}
                value={option.id}
                checked={chosen.includes(option.id)}
                onChange={() => {
                  toggle(option.id);
                }}
              />
              <span className="option__text">{option.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {status}
    </section>
  );
}
