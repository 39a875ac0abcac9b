import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { parseWhole } from '../../../lib/form-values';
import { useCloseRound } from '../hooks/use-round-ops';

/**
 * Closing a quiz round: fixes the prediction's actual value and makes the board final. The server
 * refuses (409 `ROUND.STILL_OPEN`) before the round's end plus the grace time.
 */
export function CloseRoundPanel({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const close = useCloseRound(round.id);
  const [confirming, setConfirming] = useState(false);
  const [actual, setActual] = useState('');
  const [actualError, setActualError] = useState<string | null>(null);
  const manual = round.predictionActual === 'manual';

  if (round.closedAt) {
    return (
      <section className="card ops-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('ops.close.title')}</h2>
        <p className="notice notice--success">
          {t('ops.close.closedAt', { time: formatDateTime(round.closedAt) })}
          {round.actualValue !== null && ` ${t('ops.close.actualValue', { n: formatNumber(round.actualValue) })}`}
        </p>
      </section>
    );
  }

  const open = () => {
    if (manual) {
      const value = parseWhole(actual);
      setActualError(value === null ? t('ops.close.actualRequired') : null);
      if (value === null) return;
    }
    close.reset();
    setConfirming(true);
  };

  return (
    <section className="card ops-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ops.close.title')}</h2>
      <p className="field__hint">{t('ops.close.hint', { time: formatDateTime(round.closesAt) })}</p>
      {round.predictionActual && <p className="field__hint">{t(`ops.close.actual.${round.predictionActual}`)}</p>}
      {manual && (
        <TextField
          label={t('ops.close.actualLabel')}
          inputMode="numeric"
          value={actual}
          onChange={(event) => {
            setActual(event.target.value);
          }}
          error={actualError ?? undefined}
        />
      )}
      {close.isError && <ErrorNotice message={errorMessage(close.error)} />}
      {close.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('ops.close.done', { n: formatNumber(close.data.participants) })}
        </p>
      )}
      <button type="button" className="button button--primary button--block" onClick={open} disabled={close.isPending}>
        {t('ops.close.button')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('ops.close.confirmTitle')}
          confirmLabel={t('ops.close.button')}
          cancelLabel={t('common.cancel')}
          busy={close.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            close.mutate(manual ? (parseWhole(actual) ?? undefined) : undefined, {
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('ops.close.confirmText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
