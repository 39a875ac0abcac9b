import type { CertificateBatchResponse } from '@hoi-thi/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { TextField } from '../../../components/text-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { certificatesApi } from '../api/certificates-api';
import { useCertificateBatches, useStartCertificateBatch } from '../hooks/use-certificate-batches';

function BatchRow({ roundId, batch }: { roundId: string; batch: CertificateBatchResponse }) {
  const { t } = useTranslation();
  const percent = batch.total > 0 ? Math.round((batch.done / batch.total) * 100) : 0;
  return (
    <li className="certificate-batch">
      <p>
        {t('certificates.batches.summary', { at: formatDateTime(batch.createdAt), winners: formatNumber(batch.winners) })}{' '}
        <span className={`badge badge--batch-${batch.status}`}>{t(`certificates.batches.status.${batch.status}`)}</span>
      </p>
      {batch.status === 'running' && (
        <>
          <progress max={Math.max(batch.total, 1)} value={batch.done} aria-label={t('certificates.batches.progressLabel')} />
          <p className="field__hint" aria-live="polite">
            {t('certificates.batches.progress', { done: formatNumber(batch.done), total: formatNumber(batch.total), percent })}
          </p>
        </>
      )}
      {batch.status === 'done' && (
        <DownloadButton label={t('certificates.batches.download', { count: formatNumber(batch.done) })} download={() => certificatesApi.file(roundId, batch.id)} />
      )}
      {batch.status === 'failed' && <p className="field__error">{t('certificates.batches.failed')}</p>}
    </li>
  );
}

/**
 * The managers' certificates of a closed quiz round: how many first ranks are winners, then every
 * participant's certificate in one zip, written in the background with its progress shown here.
 */
export function CertificateBatchesPanel({ roundId, closed }: { roundId: string; closed: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [winners, setWinners] = useState('3');
  const batches = useCertificateBatches(roundId);
  const start = useStartCertificateBatch(roundId);
  const parsed = /^\d{1,6}$/.test(winners.trim()) ? Number(winners.trim()) : null;
  const running = batches.data?.items.some((batch) => batch.status === 'running') ?? false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed !== null) start.mutate(parsed);
  };

  return (
    <section className="card ops-panel" aria-labelledby="certificates-title">
      <h2 id="certificates-title">{t('certificates.batches.title')}</h2>
      {!closed ? (
        <p className="field__hint">{t('certificates.batches.notClosed')}</p>
      ) : (
        <>
          <p className="field__hint">{t('certificates.batches.hint')}</p>
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('certificates.batches.winners')}
              hint={t('certificates.batches.winnersHint')}
              inputMode="numeric"
              value={winners}
              onChange={(event) => {
                setWinners(event.target.value);
              }}
              error={parsed === null ? t('certificates.batches.winnersInvalid') : undefined}
            />
            <button type="submit" className="button button--primary button--block" disabled={parsed === null || start.isPending || running} aria-busy={start.isPending}>
              {t('certificates.batches.start')}
            </button>
          </form>
          {start.isError && (
            <p className="field__error" role="alert">
              {errorMessage(start.error)}
            </p>
          )}
          {batches.isPending && <p role="status">{t('certificates.batches.loading')}</p>}
          {batches.isError && (
            <ErrorNotice title={t('certificates.batches.loadFailed')} message={errorMessage(batches.error)} onRetry={() => void batches.refetch()} retrying={batches.isFetching} />
          )}
          {batches.isSuccess &&
            (batches.data.items.length === 0 ? (
              <p className="field__hint">{t('certificates.batches.empty')}</p>
            ) : (
              <ul className="certificate-batches">
                {batches.data.items.map((batch) => (
                  <BatchRow key={batch.id} roundId={roundId} batch={batch} />
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}
