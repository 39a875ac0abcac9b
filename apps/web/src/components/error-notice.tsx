import { useTranslation } from '../lib/i18n';

interface ErrorNoticeProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failure the reader can act on: what went wrong and, when it helps, a retry button. */
export function ErrorNotice({ title, message, onRetry, retrying = false }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      {title && <p className="notice__title">{title}</p>}
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
