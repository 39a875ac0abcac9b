import { useTranslation } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';

/** The public boards stop changing in a round's last minutes; this says so, and since when. */
export function BoardFreezeNotice({ frozen, frozenAt }: { frozen: boolean; frozenAt: string | null }) {
  const { t } = useTranslation();
  if (!frozen) return null;
  return (
    <p className="notice notice--warning" role="note">
      {frozenAt ? t('display.frozen', { time: formatDateTime(frozenAt) }) : t('display.frozenNoTime')}
    </p>
  );
}
