import { useTranslation } from '../lib/i18n';

interface PagerProps {
  /** What the navigation pages through, for screen readers ("Trang danh sách câu hỏi"). */
  label: string;
  /** "21–40 / 57", when the list says where it is. */
  status?: string;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next buttons under a paginated list, with its position between them. */
export function Pager({ label, status, canPrevious, canNext, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--secondary" disabled={!canPrevious} onClick={onPrevious}>
        {t('common.previousPage')}
      </button>
      {status !== undefined && <p className="pager__status">{status}</p>}
      <button type="button" className="button button--secondary" disabled={!canNext} onClick={onNext}>
        {t('common.nextPage')}
      </button>
    </nav>
  );
}
