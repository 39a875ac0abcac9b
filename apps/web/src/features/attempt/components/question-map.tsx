import { useTranslation } from '../../../lib/i18n';
import type { WriteState } from '../hooks/answer-queue';

export interface MapItem {
  key: string;
  /** What the button shows: the question number, or a mark for the prediction. */
  label: string;
  kind: 'question' | 'prediction';
  number: number;
  answered: boolean;
  state: WriteState | undefined;
}

interface QuestionMapProps {
  items: readonly MapItem[];
  current: number;
  onSelect: (index: number) => void;
  disabled?: boolean;
}

/** Every step at a glance: answered, unanswered, not yet saved, and where the member is. */
export function QuestionMap({ items, current, onSelect, disabled = false }: QuestionMapProps) {
  const { t } = useTranslation();
  const questions = items.filter((item) => item.kind === 'question');
  const answered = questions.filter((item) => item.answered).length;

  const describe = (item: MapItem) => {
    const status = item.answered ? t('attempt.map.answered') : t('attempt.map.unanswered');
    const name = item.kind === 'prediction' ? t('attempt.map.predictionItem', { status }) : t('attempt.map.item', { n: item.number, status });
    return item.state === 'saving' || item.state === 'unsaved' ? `${name}, ${t('attempt.map.notSaved')}` : name;
  };

  return (
    <nav className="question-map" aria-label={t('attempt.map.label')}>
      <p className="question-map__summary">{t('attempt.map.summary', { answered, total: questions.length })}</p>
      <ol className="question-map__grid">
        {items.map((item, index) => (
          <li key={item.key}>
            <button
              type="button"
              className="question-map__item"
              data-answered={item.answered}
              data-sync={item.state}
              aria-current={index === current ? 'step' : undefined}
              aria-label={describe(item)}
              onClick={() => {
                onSelect(index);
              }}
              disabled={disabled}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ol>
      <ul className="question-map__legend" aria-hidden="true">
        <li>
          <span className="question-map__swatch" data-answered="true" />
          {t('attempt.map.answered')}
        </li>
        <li>
          <span className="question-map__swatch" data-answered="false" />
          {t('attempt.map.unanswered')}
        </li>
        <li>
          <span className="question-map__swatch" data-current="true" />
          {t('attempt.map.current')}
        </li>
      </ul>
    </nav>
  );
}
