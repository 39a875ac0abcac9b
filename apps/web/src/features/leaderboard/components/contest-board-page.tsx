import { UnitBoardOrders, type UnitBoardOrderBy } from '@hoi-thi/contracts';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../../components/error-notice';
import { useErrorMessage } from '../../../lib/error-message';
import { useContest } from '../../contests';
import { ContestBoardPanel } from './contest-board-panel';
import { UnitStandingsPanel } from './unit-standings-panel';
import { useDocumentTitle } from '../../../lib/use-document-title';

const tabs = ['individuals', 'units'] as const;
type Tab = (typeof tabs)[number];

/** Tab, page, order and level live in the address: a shared link opens the same board. */
function useBoardParams() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'units' ? 'units' : 'individuals';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const orderParam = params.get('order');
  const orderBy: UnitBoardOrderBy = (UnitBoardOrders as readonly string[]).includes(orderParam ?? '') ? (orderParam as UnitBoardOrderBy) : 'participants';
  const levelParam = Number.parseInt(params.get('level') ?? '', 10);
  const depth = Number.isInteger(levelParam) && levelParam >= 1 ? levelParam - 1 : undefined;
  const update = (changes: Record<string, string | undefined>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };
  return { tab, page, orderBy, depth, update };
}

/** `/contests/:id/board`: the contest board (individuals) and the unit board, for everyone; xlsx exports for its managers. */
export function ContestBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const contest = useContest(id);
  useDocumentTitle(contest.data ? t('board.documentTitle', { contest: contest.data.title }) : t('board.title'));
  const { tab, page, orderBy, depth, update } = useBoardParams();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  const choose = (next: Tab) => {
    update({ tab: next === 'units' ? 'units' : undefined, page: undefined });
  };
  // Arrow keys move between tabs, as screen reader users expect of a tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    choose(next);
    tabRefs.current[next]?.focus();
  };

  if (contest.isPending) {
    return (
      <p role="status" className="notice">
        {t('board.loading')}
      </p>
    );
  }
  if (contest.isError) {
    return <ErrorNotice title={t('board.contestLoadFailed')} message={errorMessage(contest.error)} onRetry={() => void contest.refetch()} retrying={contest.isFetching} />;
  }
  const data = contest.data;

  return (
    <section className="page page--wide board-page" aria-labelledby="board-title">
      <p className="eyebrow">{data.title}</p>
      <h1 id="board-title">{t('board.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('board.tabsLabel')} onKeyDown={onKeyDown}>
        {tabs.map((value) => (
          <button
            key={value}
            ref={(element) => {
              tabRefs.current[value] = element;
            }}
            type="button"
            role="tab"
            id={`board-tab-${value}`}
            className="tabs__tab"
            aria-selected={tab === value}
            aria-controls={`board-panel-${value}`}
            tabIndex={tab === value ? 0 : -1}
            onClick={() => {
              choose(value);
            }}
          >
            {t(`board.tab.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`board-panel-${tab}`} aria-labelledby={`board-tab-${tab}`}>
        {tab === 'individuals' ? (
          <ContestBoardPanel contestId={data.id} canManage={data.canManage} page={page} onPage={(next) => update({ page: next > 1 ? String(next) : undefined })} />
        ) : (
          <UnitStandingsPanel
            contestId={data.id}
            canManage={data.canManage}
            orderBy={orderBy}
            depth={depth}
            onChange={(changes) =>
              update({
                ...(changes.orderBy ? { order: changes.orderBy === 'participants' ? undefined : changes.orderBy } : {}),
                ...(changes.depth !== undefined ? { level: String(changes.depth + 1) } : {}),
              })
            }
          />
        )}
      </div>
      {data.rounds.length > 0 && (
        <nav className="board-page__rounds" aria-label={t('board.roundsLabel')}>
          <h2 className="round-admin__subtitle">{t('board.roundsTitle')}</h2>
          <ul className="plain-list">
            {data.rounds.map((round) => (
              <li key={round.id}>
                <Link to={`/rounds/${round.id}`}>{round.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
