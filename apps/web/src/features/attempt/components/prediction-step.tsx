import { PREDICTION_MAX } from '@hoi-thi/contest-engine';
import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from '../../../lib/i18n';


/**
 * The prediction as a number, or null when the text is not a whole number from 0 to a billion.
 * Thousands may be grouped as people write them: "1.200" (Vietnamese), "1 200" or "1,200" are 1200;
 * a group must have three digits, so "1.2" is refused rather than read as 12.
 */
export function parsePrediction(text: string): number | null {
  const trimmed = text.trim();
  const grouped = /^\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*$/.test(trimmed);
  if (!grouped && !/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/[.,\s\u00a0]/g, ''));
  return value <= PREDICTION_MAX ? value : null;
}

interface PredictionStepProps {
  question: string;
  value: string;
  onChange: (text: string) => void;
  disabled: boolean;
  status: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}

/** The tie-break question: a whole number, saved as it is typed. */
export function PredictionStep({ question, value, onChange, disabled, status, headingRef, children }: PredictionStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const invalid = value.trim() !== '' && parsePrediction(value) === null;
  const describedBy = [`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <section className="question" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="question__number" tabIndex={-1} ref={headingRef}>
        {t('attempt.prediction.title')}
      </h2>
      <div className="field">
        <label htmlFor={id} className="question__text">
          {question}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('attempt.prediction.hint')}
        </p>
        <input
          id={id}
          className="field__input prediction-input"
          type="text"
          inputMode="numeric"
          pattern="[0-9., ]*"
          autoComplete="off"
          enterKeyHint="done"
          maxLength={13}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          disabled={disabled}
        />
        {invalid && (
          <p id={`${id}-error`} className="field__error">
            {t('attempt.prediction.invalid')}
          </p>
        )}
      </div>
      {status}
      {children}
    </section>
  );
}
