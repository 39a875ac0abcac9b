import type { ContestParticipationResponse } from '@hoi-thi/contracts';
import { useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectField } from '../../../components/select-field';
import { useErrorMessage } from '../../../lib/error-message';
import { formatNumber, formatRate } from '../../../lib/format';
import { currentLanguage, useTranslation } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { analyticsApi } from '../api/analytics-api';
import { useAnalyticsContest, useContestParticipation } from '../hooks/use-analytics';
import { RoundBars, SmallMultiples, UnitLines } from './charts';
import {
  buildTree,
  comparedRounds,
  largestUnits,
  levelsOf,
  movers,
  roundTotals,
  topUnits,
  unitsAtLevel,
  type ParticipationTree,
  type PrizeOrder,
  type UnitChange,
} from './participation-model';
import { ParticipationTreeTable } from './participation-tree-table';
import './analytics.css';

const prizeCounts = [3, 5, 10, 20] as const;
const moversShown = 5;
const linesShown = 5;
const multiplesShown = 6;

/**
 * "+3,5 điểm %" / "−2 điểm %": a change of rate in percentage points, signed. A change too small for
 * one decimal keeps two significant digits ("−0,032"), as formatRate does: it is not "−0".
 */
function usePointChange() {
  const { t } = useTranslation();
  return (change: number) => {
    const size = Math.abs(change) * 100;
    const points = new Intl.NumberFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', size > 0 && size < 0.05 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 }).format(size);
    return change >= 0 ? t('analytics.movers.up', { points }) : t('analytics.movers.down', { points });
  };
}

function MoverList({ title, changes, empty }: { title: string; changes: UnitChange[]; empty: string }) {
  const { t } = useTranslation();
  const pointChange = usePointChange();
  return (
    <div className="movers__group">
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p className="field__hint">{empty}</p>
      ) : (
        <ol className="plain-list movers__list">
          {changes.map((change) => (
            <li key={change.unit.unitId} className="movers__item">
              <span className="movers__name">{change.unit.name}</span>
              <span className="movers__numbers">
                <span className="movers__change" data-direction={change.rateChange >= 0 ? 'up' : 'down'}>
                  {pointChange(change.rateChange)}
                </span>{' '}
                {t('analytics.movers.from', { before: formatRate(change.before), after: formatRate(change.after) })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Dashboard({ contestId, data, tree }: { contestId: string; data: ContestParticipationResponse; tree: ParticipationTree }) {
  const { t } = useTranslation();
  const id = useId();
  const levels = useMemo(() => levelsOf(tree), [tree]);
  const [depth, setDepth] = useState<number | null>(null);
  const [orderBy, setOrderBy] = useState<PrizeOrder>('participants');
  const [prizeCount, setPrizeCount] = useState<number>(10);
  // The grassroots level by default, as on the unit board: collective prizes go to units of one level.
  const level = levels.find((candidate) => candidate.depth === depth) ?? levels.at(-1)!;
  const atLevel = useMemo(() => unitsAtLevel(tree, level.depth), [tree, level.depth]);
  const totals = useMemo(() => roundTotals(data, tree), [data, tree]);
  const compared = comparedRounds(totals);
  const changes = compared ? movers(atLevel, compared.previous, compared.latest, moversShown) : null;
  const prizes = topUnits(atLevel, orderBy, prizeCount);
  const members = tree.roots.reduce((sum, root) => sum + root.unit.memberCount, 0);
  const participants = tree.roots.reduce((sum, root) => sum + root.unit.participants, 0);
  const pointChange = usePointChange();
  const trend = compared ? totals[compared.latest]!.rate - totals[compared.previous]!.rate : null;

  return (
    <>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('analytics.summary.members')}</dt>
          <dd>{formatNumber(members)}</dd>
        </div>
        <div className="stat">
          <dt>{t('analytics.summary.participants')}</dt>
          <dd>{formatNumber(participants)}</dd>
        </div>
        <div className="stat">
          <dt>{t('analytics.summary.rate')}</dt>
          <dd>{formatRate(members > 0 ? participants / members : 0)}</dd>
        </div>
        {trend !== null && compared && (
          <div className="stat">
            <dt>{t('analytics.summary.trend', { round: data.rounds[compared.latest]!.title })}</dt>
            <dd className="stat__change" data-direction={trend >= 0 ? 'up' : 'down'}>
              {pointChange(trend)}
            </dd>
          </div>
        )}
      </dl>

      <section className="card analytics-section" aria-labelledby={`${id}-rounds`}>
        <h2 id={`${id}-rounds`}>{t('analytics.sections.rounds')}</h2>
        <p className="field__hint">{t('analytics.sections.roundsHint')}</p>
        <RoundBars totals={totals} />
      </section>

      <section className="card analytics-section" aria-labelledby={`${id}-level`}>
        <h2 id={`${id}-level`}>{t('analytics.sections.byLevel')}</h2>
        <div className="analytics-controls">
          {levels.length > 1 && (
            <SelectField
              label={t('board.levelLabel')}
              hint={t('board.levelHint')}
              value={String(level.depth)}
              onChange={(event) => {
                setDepth(Number(event.target.value));
              }}
            >
              {levels.map((candidate) => (
                <option key={candidate.depth} value={candidate.depth}>
                  {t('board.levelOption', { n: candidate.depth + 1, units: formatNumber(candidate.count), example: candidate.example })}
                </option>
              ))}
            </SelectField>
          )}
        </div>

        <h3 className="analytics-section__title">{t('analytics.prizes.title', { n: prizeCount })}</h3>
        <p className="field__hint">{t('analytics.prizes.hint')}</p>
        <div className="analytics-controls">
          <fieldset className="field choice-group choice-group--inline">
            <legend className="field__label">{t('board.orderBy')}</legend>
            <div className="choice-group__items">
              {(['participants', 'rate'] as const).map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`${id}-order`}
                    checked={orderBy === value}
                    onChange={() => {
                      setOrderBy(value);
                    }}
                  />
                  <span>{t(`board.by.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <SelectField
            label={t('analytics.prizes.count')}
            value={String(prizeCount)}
            onChange={(event) => {
              setPrizeCount(Number(event.target.value));
            }}
          >
            {prizeCounts.map((count) => (
              <option key={count} value={count}>
                {formatNumber(count)}
              </option>
            ))}
          </SelectField>
        </div>
        {prizes.length === 0 ? (
          <p className="notice">{t('analytics.prizes.empty')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-prizes`}>
            <table className="data-table">
              <caption id={`${id}-prizes`} className="visually-hidden">
                {t('analytics.prizes.title', { n: prizeCount })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="data-table__number">
                    {t('analytics.table.rank')}
                  </th>
                  <th scope="col">{t('analytics.table.unit')}</th>
                  <th scope="col" className="data-table__number">
                    {t('analytics.table.participants')}
                  </th>
                  <th scope="col" className="data-table__number">
                    {t('analytics.table.members')}
                  </th>
                  <th scope="col" className="data-table__number">
                    {t('analytics.table.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {prizes.map(({ rank, unit }) => (
                  <tr key={unit.unitId}>
                    <td className="data-table__number">{rank}</td>
                    <th scope="row" className="analytics-unit-name">
                      {unit.name}
                    </th>
                    <td className="data-table__number">{formatNumber(unit.participants)}</td>
                    <td className="data-table__number">{formatNumber(unit.memberCount)}</td>
                    <td className="data-table__number">{formatRate(unit.participationRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3 className="analytics-section__title">{t('analytics.movers.title')}</h3>
        {compared && changes ? (
          <>
            <p className="field__hint">{t('analytics.movers.hint', { previous: data.rounds[compared.previous]!.title, latest: data.rounds[compared.latest]!.title })}</p>
            <div className="movers">
              <MoverList title={t('analytics.movers.grew')} changes={changes.grew} empty={t('analytics.movers.noneGrew')} />
              <MoverList title={t('analytics.movers.fell')} changes={changes.fell} empty={t('analytics.movers.noneFell')} />
            </div>
          </>
        ) : (
          <p className="field__hint">{t('analytics.movers.notYet')}</p>
        )}

        <h3 className="analytics-section__title">{t('analytics.lines.title', { n: Math.min(linesShown, prizes.length) })}</h3>
        <p className="field__hint">{t('analytics.lines.hint')}</p>
        <UnitLines units={prizes.slice(0, linesShown).map((entry) => entry.unit)} rounds={data.rounds} />

        <h3 className="analytics-section__title">{t('analytics.multiples.title')}</h3>
        <p className="field__hint">{t('analytics.multiples.hint')}</p>
        <SmallMultiples units={largestUnits(atLevel, multiplesShown)} rounds={data.rounds} />
      </section>

      <section className="card analytics-section" aria-labelledby={`${id}-tree`}>
        <h2 id={`${id}-tree`}>{t('analytics.sections.tree')}</h2>
        <p className="field__hint">{t('analytics.sections.treeHint')}</p>
        <ParticipationTreeTable tree={tree} rounds={data.rounds} />
      </section>

      <p>
        <Link to={`/contests/${contestId}/board?tab=units`} className="button button--ghost">
          {t('ops.units.fullBoard')}
        </Link>
      </p>
    </>
  );
}

/** `/admin/contests/:id/participation`: who takes part, unit by unit and round by round (managers). */
export function ParticipationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useErrorMessage();
  const contest = useAnalyticsContest(id);
  const participation = useContestParticipation(id);
  const title = contest.data ? t('analytics.participation.title', { contest: contest.data.title }) : t('analytics.participation.titleFallback');
  useDocumentTitle(title);
  const data = participation.data;
  const tree = useMemo(() => (data ? buildTree(data.units) : null), [data]);

  let body;
  if (participation.isPending) {
    body = (
      <p role="status" className="notice">
        {t('analytics.loading')}
      </p>
    );
  } else if (participation.isError) {
    body = <ErrorNotice title={t('analytics.loadFailed')} message={errorMessage(participation.error)} onRetry={() => void participation.refetch()} retrying={participation.isFetching} />;
  } else if (!data || !tree || data.rounds.length === 0 || tree.roots.length === 0) {
    body = <p className="notice empty-state">{!data || data.rounds.length === 0 ? t('analytics.participation.noRounds') : t('analytics.participation.noUnits')}</p>;
  } else {
    body = <Dashboard contestId={id} data={data} tree={tree} />;
  }

  return (
    <section className="page page--wide analytics-page" aria-labelledby="participation-title">
      <p>
        <Link to={`/admin/contests/${id}`} className="back-link">
          {contest.data ? t('analytics.backToContest', { contest: contest.data.title }) : t('analytics.backToContestFallback')}
        </Link>
      </p>
      <h1 id="participation-title">{title}</h1>
      <p className="page__intro">{t('analytics.participation.intro')}</p>
      {data && data.rounds.length > 0 && (
        <div className="toolbar">
          <DownloadButton label={t('analytics.participation.download')} download={() => analyticsApi.exportParticipation(id)} />
        </div>
      )}
      {body}
    </section>
  );
}
