import { useTranslation } from '../../../lib/i18n';
import { DownloadButton } from '../../../components/download-button';
import { useMyRank } from '../../leaderboard';
import { certificatesApi } from '../api/certificates-api';

/** A member's own certificate of a closed quiz round, once they have a place on its final board. */
export function MyCertificate({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const rank = useMyRank(roundId);
  if (!rank.isSuccess || rank.data.rank == null) return null;
  return (
    <section className="card certificate-card" aria-labelledby="my-certificate-title">
      <h2 id="my-certificate-title">{t('certificates.mine.title')}</h2>
      <p className="field__hint">{t('certificates.mine.hint')}</p>
      <DownloadButton label={t('certificates.mine.download')} download={() => certificatesApi.mine(roundId)} className="button button--primary" />
    </section>
  );
}
