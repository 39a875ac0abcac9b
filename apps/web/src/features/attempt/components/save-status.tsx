import { useTranslation } from '../../../lib/i18n';
import type { WriteState } from '../hooks/answer-queue';

interface SaveStatusProps {
  answered: boolean;
  state: WriteState | undefined;
  online: boolean;
}

/** Whether the server has this answer: saved, saving, or waiting to be sent. */
export function SaveStatus({ answered, state, online }: SaveStatusProps) {
  const { t } = useTranslation();
  let status: 'saved' | 'saving' | 'unsaved' | 'offline' | 'rejected' | 'empty';
  if (state === 'saving') status = 'saving';
  else if (state === 'unsaved') status = online ? 'unsaved' : 'offline';
  else if (state === 'rejected') status = 'rejected';
  else status = answered ? 'saved' : 'empty';
  return (
    <p className="save-status" data-status={status} role="status">
      {t(`attempt.save.${status}`)}
    </p>
  );
}
