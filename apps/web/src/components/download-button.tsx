import { useMutation } from '@tanstack/react-query';
import { useTranslation } from '../lib/i18n';
import type { DownloadedFile } from '../lib/api-client';
import { saveFile } from '../lib/download';
import { useErrorMessage } from '../lib/error-message';

interface DownloadButtonProps {
  label: string;
  download: () => Promise<DownloadedFile>;
  className?: string;
}

/** Fetches a file through the API client (with the token) and saves it; says why when it cannot. */
export function DownloadButton({ label, download, className = 'button button--secondary' }: DownloadButtonProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mutation = useMutation({ mutationFn: download, onSuccess: saveFile });
  return (
    <span className="download">
      <button type="button" className={className} onClick={() => mutation.mutate()} disabled={mutation.isPending} aria-busy={mutation.isPending}>
        {mutation.isPending ? t('common.downloading') : label}
      </button>
      {mutation.isError && (
        <span className="field__error" role="alert">
          {errorMessage(mutation.error)}
        </span>
      )}
    </span>
  );
}
