import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../../lib/i18n';
import { CopyField } from '../../../components/copy-field';
import { DownloadButton } from '../../../components/download-button';
import { useContest } from '../../contests';
import { resultsApi } from '../api/results-api';

interface ResultsDigestProps {
  roundId: string;
  contestId: string;
}

/**
 * A closed quiz round's "Mã kiểm chứng kết quả": the SHA-256 of results.csv in its results bundle,
 * so anyone given the bundle can check it is the published one. Managers download the bundle here.
 */
export function ResultsDigest({ roundId, contestId }: ResultsDigestProps) {
  const { t } = useTranslation();
  const digest = useQuery({ queryKey: ['leaderboard', roundId, 'results-digest'], queryFn: ({ signal }) => resultsApi.digest(roundId, signal) });
  const contest = useContest(contestId);
  const canManage = contest.data?.canManage === true;
  if (!digest.isSuccess || (digest.data === null && !canManage)) return null;

  return (
    <section className="card results-digest" aria-labelledby="results-digest-title">
      <h2 id="results-digest-title">{t('resultsDigest.title')}</h2>
      {digest.data ? (
        <CopyField label={t('resultsDigest.label')} value={digest.data} copiedText={t('resultsDigest.copied')} failedText={t('resultsDigest.copyFailed')} />
      ) : (
        <p className="field__hint">{t('resultsDigest.pending')}</p>
      )}
      <p className="field__hint">{t('resultsDigest.hint')}</p>
      {canManage && (
        <DownloadButton
          label={t('resultsDigest.download')}
          download={async () => {
            const file = await resultsApi.bundle(roundId);
            // The first bundle fixes the digest: show it without a reload.
            void digest.refetch();
            return file;
          }}
        />
      )}
    </section>
  );
}
