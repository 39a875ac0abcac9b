import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-message';
import { memberState, useStartAttempt } from '../hooks/use-round';
import { useTimeLimitText } from './round-rules';
import { WaitingRoom } from './waiting-room';

/**
 * Starts an attempt and opens it. Another attempt ("Thi lại") and the last one are asked first: the
 * clock starts at once, and the member should know when no attempt will be left after this one.
 */
export function StartAttemptButton({ round, label }: { round: RoundDetailResponse; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const timeLimitText = useTimeLimitText();
  const start = useStartAttempt(round.id);
  const [confirming, setConfirming] = useState(false);
  const me = memberState(round, true);
  const last = me !== null && me.attemptsLeft === 1;
  const ask = me !== null && (me.attemptsUsed > 0 || last);

  // Not `mutate(…, { onSuccess })`: the round query refreshed by the start shows the attempt and
  // unmounts this button before such a callback runs; the promise resolves all the same.
  const go = () => {
    start
      .mutateAsync()
      .then((attemptId) => {
        if (attemptId !== null) void navigate(`/attempts/${attemptId}`); // null: the member left the queue
      })
      .catch(() => undefined) // shown by the ErrorNotice above
      .finally(() => setConfirming(false));
  };

  // Over the admission rate: the queue instead of the button, until the attempt exists or the member leaves.
  if (start.waiting) return <WaitingRoom place={start.waiting} onLeave={start.leaveQueue} />;

  return (
    <>
      {start.isError && (
        <ErrorNotice message={isApiError(start.error) && start.error.code === 'ROUND.NOT_ELIGIBLE' ? t('rounds.notEligible') : errorMessage(start.error)} />
      )}
      <button
        type="button"
        className="button button--primary button--block"
        disabled={start.isPending}
        onClick={() => {
          if (ask) setConfirming(true);
          else go();
        }}
      >
        {start.isPending ? t('rounds.starting') : label}
      </button>
      {confirming && me && (
        <ConfirmDialog
          title={last ? t('rounds.confirmStart.lastTitle') : t('rounds.confirmStart.title')}
          confirmLabel={t('rounds.start')}
          cancelLabel={t('common.cancel')}
          busy={start.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={go}
        >
          {last ? (
            <p className="dialog__warning">{t('rounds.confirmStart.last')}</p>
          ) : (
            <p>{t('rounds.confirmStart.left', { left: me.attemptsLeft - 1 })}</p>
          )}
          {round.timeLimitSeconds !== null && <p>{t('rounds.confirmStart.clock', { time: timeLimitText(round.timeLimitSeconds) })}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
