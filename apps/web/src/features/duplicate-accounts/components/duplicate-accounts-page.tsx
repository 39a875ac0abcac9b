import { DuplicateReasons, type DuplicateAccountResponse, type DuplicateGroupResponse, type DuplicateReason } from '@hoi-thi/contracts';
import { Pager } from '../../../components/pager';
import { useId } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatDateTime, formatPhone } from '../../../lib/format';
import { useDuplicateAccounts } from '../hooks/use-duplicate-accounts';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSearchParamsUpdate } from '../../../lib/use-search-params-update';

export const duplicatesPageSize = 20;

function groupTitle(group: DuplicateGroupResponse, t: (key: 'duplicates.similarTitle', options: { prefix: string }) => string): string {
  switch (group.reason) {
    case 'SAME_PHONE':
      return formatPhone(group.key);
    case 'SAME_NAME':
      return group.accounts[0]?.fullName ?? group.key;
    case 'SIMILAR_PHONE':
      return t('duplicates.similarTitle', { prefix: group.key });
  }
}

function AccountLine({ account, showUnit }: { account: DuplicateAccountResponse; showUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <li>
      <p>
        <strong>{account.fullName}</strong>
      </p>
      <p className="question-card__key">{account.email}</p>
      <p className="question-card__key">{account.phone ? t('duplicates.phone', { phone: formatPhone(account.phone) }) : t('duplicates.noPhone')}</p>
      {account.legacyPhone && <p className="question-card__key">{t('duplicates.legacyPhone', { phone: formatPhone(account.legacyPhone) })}</p>}
      {showUnit && <p className="question-card__key">{account.unitName ?? t('duplicates.noUnit')}</p>}
      <p className="question-card__key">{t('duplicates.registered', { time: formatDateTime(account.createdAt) })}</p>
    </li>
  );
}

function GroupCard({ group }: { group: DuplicateGroupResponse }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <article className="card question-card" aria-labelledby={titleId}>
      <div className="question-card__badges">
        <span className="badge">{t(`duplicates.reason.${group.reason}`)}</span>
        <span className="badge badge--muted">{t('duplicates.size', { n: group.size })}</span>
      </div>
      <h2 id={titleId} className="question-card__text">
        {groupTitle(group, t)}
      </h2>
      {group.unitName && <p className="question-card__topic">{group.unitName}</p>}
      <p className="field__hint">{t(`duplicates.hint.${group.reason}`)}</p>
      <ul className="question-list">
        {group.accounts.map((account) => (
          <AccountLine key={account.id} account={account} showUnit={group.unitId === null} />
        ))}
      </ul>
      {group.accounts.length < group.size && <p className="field__hint">{t('duplicates.more', { shown: group.accounts.length, size: group.size })}</p>}
    </article>
  );
}

/**
 * `/admin/duplicates`: accounts that look like the same person, for the organizers to look into
 * before prizes go out. A list only: nothing here blocks or merges an account.
 */
export function DuplicateAccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('duplicates.title'));
  const errorMessage = useErrorMessage();
  const [params, updateParams] = useSearchParamsUpdate();
  const reasonParam = params.get('reason');
  const reason = (DuplicateReasons as readonly string[]).includes(reasonParam ?? '') ? (reasonParam as DuplicateReason) : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const offset = (page - 1) * duplicatesPageSize;
  const groups = useDuplicateAccounts({ limit: duplicatesPageSize, offset, ...(reason ? { reason } : {}) });

  const goTo = (next: number) => {
    updateParams((updated) => {
      if (next > 1) updated.set('page', String(next));
      else updated.delete('page');
    });
  };

  let body;
  if (groups.isPending) {
    body = (
      <p role="status" className="notice">
        {t('duplicates.loading')}
      </p>
    );
  } else if (groups.isError) {
    body = <ErrorNotice title={t('duplicates.loadFailed')} message={errorMessage(groups.error)} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />;
  } else if (groups.data.items.length === 0) {
    body = (
      <div className="notice empty-state">
        <p className="notice__title">{t('duplicates.empty')}</p>
        <p>{t('duplicates.emptyHint')}</p>
      </div>
    );
  } else {
    const { items, total } = groups.data;
    body = (
      <>
        <ul className="question-list" aria-busy={groups.isFetching}>
          {items.map((group) => (
            <li key={`${group.reason}:${group.unitId ?? ''}:${group.key}`}>
              <GroupCard group={group} />
            </li>
          ))}
        </ul>
        <Pager
          label={t('duplicates.pages')}
          status={t('duplicates.range', { first: offset + 1, last: offset + items.length, total })}
          canPrevious={page > 1}
          canNext={offset + items.length < total}
          onPrevious={() => goTo(page - 1)}
          onNext={() => goTo(page + 1)}
        />
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">{t('duplicates.title')}</h1>
      <p className="page__intro">{t('duplicates.intro')}</p>
      <SelectField
        label={t('duplicates.filter')}
        value={reason ?? ''}
        onChange={(event) => {
          updateParams((next) => {
            for (const key of [...next.keys()]) next.delete(key);
            if (event.target.value) next.set('reason', event.target.value);
          }, { replace: true });
        }}
      >
        <option value="">{t('duplicates.allReasons')}</option>
        {DuplicateReasons.map((value) => (
          <option key={value} value={value}>
            {t(`duplicates.reason.${value}`)}
          </option>
        ))}
      </SelectField>
      {body}
    </section>
  );
}
