import { useTranslation } from '../../../lib/i18n';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime } from '../../../lib/format';
import { useRound } from '../../rounds';
import { roundOpsApi } from '../api/round-ops-api';
import { CloseRoundPanel } from './close-round-panel';
import { EssayOps } from './essay-ops';
import { ParticipationPanel, UnitBoardPanel } from './participation-panel';
import { RegradePanel } from './regrade-panel';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CertificateBatchesPanel } from '../../certificates';

/** `/admin/rounds/:id`: running a round — live participation, close, regrade, results. */
export function RoundOpsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const round = useRound(id);
  useDocumentTitle(round.data ? t('ops.title', { round: round.data.title }) : undefined);

  if (round.isPending) {
    return (
      <p role="status" className="notice">
        {t('rounds.loading')}
      </p>
    );
  }
  if (round.isError) {
    return <ErrorNotice title={t('rounds.loadFailed')} message={errorMessage(round.error)} onRetry={() => void round.refetch()} retrying={round.isFetching} />;
  }
  const data = round.data;

  return (
    <section className="page page--wide ops-page" aria-labelledby="ops-title">
      <p>
        <Link to={`/admin/contests/${data.contestId}`} className="back-link">
          {t('ops.back', { contest: data.contestTitle })}
        </Link>
      </p>
      <div className="round-page__heading">
        <h1 id="ops-title">{t('ops.title', { round: data.title })}</h1>
        <span className={`badge badge--phase-${data.phase}`}>{t(`rounds.phase.${data.phase}`)}</span>
      </div>
      <p className="page__intro">{t('rounds.window', { opens: formatDateTime(data.opensAt), closes: formatDateTime(data.closesAt) })}</p>
      {data.contestStatus === 'draft' && <p className="notice notice--warning">{t('ops.draftNotice')}</p>}

      {data.kind === 'quiz' ? (
        <>
          <div className="ops-grid">
            <ParticipationPanel round={data} />
            <UnitBoardPanel contestId={data.contestId} />
          </div>
          <div className="ops-grid">
            <CloseRoundPanel round={data} />
            <RegradePanel round={data} />
          </div>
          <CertificateBatchesPanel roundId={data.id} closed={data.phase === 'closed'} />
          <section className="card ops-panel" aria-labelledby="ops-export-title">
            <h2 id="ops-export-title">{t('ops.export.title')}</h2>
            <p className="field__hint">{t('ops.export.hint')}</p>
            <div className="toolbar">
              <DownloadButton label={t('ops.export.download')} download={() => roundOpsApi.exportBoard(data.id)} />
              <Link to={`/display/rounds/${data.id}`} className="button button--ghost">
                {t('rounds.liveBoard')}
              </Link>
              <Link to={`/admin/rounds/${data.id}/items`} className="button button--ghost">
                {t('analytics.items.link')}
              </Link>
            </div>
          </section>
        </>
      ) : (
        <EssayOps round={data} />
      )}
    </section>
  );
}
