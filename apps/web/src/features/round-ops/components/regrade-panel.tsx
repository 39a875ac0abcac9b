import type { RoundDetailResponse } from '@hoi-thi/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useLocation } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useBoardNames, useRegrade, useRegradeLog } from '../hooks/use-round-ops';
import { RegradeDiff } from './regrade-diff';

/**
 * After a key was corrected in the bank (a new version), re-grade the round: a dry run shows what
 * would change, then the organizer confirms.
 */
export function RegradePanel({ round }: { round: RoundDetailResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const preview = useRegrade(round.id);
  const apply = useRegrade(round.id);
  const log = useRegradeLog(round.id);
  const people = useBoardNames(round.id, preview.isSuccess || apply.isSuccess);
  const [confirming, setConfirming] = useState(false);
  const dry = preview.data;
  // The item analysis page links here (`#regrade`): bring the panel into view, its heading focused.
  const { hash } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hash !== '#regrade') return;
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [hash]);

  return (
    <section className="card ops-panel" id="regrade" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('ops.regrade.title')}
      </h2>
      <p className="field__hint">{t('ops.regrade.hint')}</p>
      {preview.isError && <ErrorNotice message={errorMessage(preview.error)} />}
      <button
        type="button"
        className="button button--secondary button--block"
        disabled={preview.isPending}
        onClick={() => {
          apply.reset();
          preview.mutate(true);
        }}
      >
        {preview.isPending ? t('ops.regrade.previewing') : t('ops.regrade.preview')}
      </button>

      <div aria-live="polite">
        {apply.isSuccess ? (
          <>
            <p className="notice notice--success">{t('ops.regrade.applied', { n: apply.data.changed.length, ranks: apply.data.rankChanges })}</p>
            <RegradeDiff result={apply.data} people={people.data} />
          </>
        ) : dry ? (
          <>
            <h3 className="ops-panel__subtitle">{t('ops.regrade.previewTitle')}</h3>
            <RegradeDiff result={dry} people={people.data} />
            {apply.isError && <ErrorNotice message={errorMessage(apply.error)} />}
            {dry.questions.length > 0 && (
              <button
                type="button"
                className="button button--primary button--block"
                onClick={() => {
                  setConfirming(true);
                }}
              >
                {t('ops.regrade.apply')}
              </button>
            )}
          </>
        ) : null}
      </div>

      {log.data && log.data.items.length > 0 && (
        <details className="regrade-log">
          <summary>{t('ops.regrade.logTitle', { n: log.data.items.length })}</summary>
          <ul className="plain-list">
            {log.data.items.map((entry) => (
              <li key={entry.id}>
                {t('ops.regrade.logEntry', {
                  time: formatDateTime(entry.performedAt),
                  questions: formatNumber(entry.questions.length),
                  changed: formatNumber(entry.changed.length),
                  ranks: formatNumber(entry.rankChanges),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}

      {confirming && dry && (
        <ConfirmDialog
          title={t('ops.regrade.confirmTitle')}
          confirmLabel={t('ops.regrade.apply')}
          cancelLabel={t('common.cancel')}
          busy={apply.isPending}
          onCancel={() => {
            setConfirming(false);
          }}
          onConfirm={() => {
            apply.mutate(false, {
              onSuccess: () => {
                preview.reset();
              },
              onSettled: () => {
                setConfirming(false);
              },
            });
          }}
        >
          <p>{t('ops.regrade.confirmText', { n: dry.changed.length, ranks: dry.rankChanges })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
