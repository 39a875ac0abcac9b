import type { UnitLeaderboardEntry } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aContest, aContestBoard, aContestBoardEntry, aRound, aUnitBoard, aUnitBoardEntry, member, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp, renderWithProviders } from '../../../test/render-app';
import { rankWithinLevel, unitLevels } from './unit-levels';
import { UnitStandingsPanel } from './unit-standings-panel';

const contest = aContest({ status: 'published', canManage: false, rounds: [aRound({ id: 'r1', title: 'Tuần 1' })] });
const unitEntries: UnitLeaderboardEntry[] = [
  // The server ranks every level in one list: the federations first, they count everyone below them.
  aUnitBoardEntry({ rank: 1, unitId: 'tld', name: 'Tổng Liên đoàn Lao động Việt Nam', parentId: null, depth: 0, participants: 62, memberCount: 3676, participationRate: 62 / 3676 }),
  aUnitBoardEntry({ rank: 2, unitId: 'hcm', name: 'Liên đoàn Lao động TP. Hồ Chí Minh', parentId: 'tld', depth: 1, participants: 61, memberCount: 3221, participationRate: 61 / 3221 }),
  aUnitBoardEntry({ rank: 3, unitId: 'btn', name: 'Công đoàn Báo Thanh Niên', parentId: 'hcm', depth: 2, participants: 60, memberCount: 120, participationRate: 0.5 }),
  aUnitBoardEntry({ rank: 4, unitId: 'dn', name: 'Liên đoàn Lao động TP. Đà Nẵng', parentId: 'tld', depth: 1, participants: 1, memberCount: 455, participationRate: 1 / 455 }),
  aUnitBoardEntry({ rank: 5, unitId: 'bvcr', name: 'Công đoàn Bệnh viện Chợ Rẫy', parentId: 'hcm', depth: 2, participants: 1, memberCount: 3091, participationRate: 1 / 3091, averageScore: 17.5 }),
  aUnitBoardEntry({ rank: 6, unitId: 'cdn', name: 'Công đoàn Cảng Đà Nẵng', parentId: 'dn', depth: 2, participants: 0, memberCount: 450, participationRate: 0, averageScore: 0 }),
];

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));

describe('unit levels', () => {
  it('lists the levels present, top first, and ranks within one level only', () => {
    expect(unitLevels(unitEntries).map(({ depth, count, example }) => [depth, count, example])).toEqual([
      [0, 1, 'Tổng Liên đoàn Lao động Việt Nam'],
      [1, 2, 'Liên đoàn Lao động TP. Hồ Chí Minh'],
      [2, 3, 'Công đoàn Báo Thanh Niên'],
    ]);
    expect(rankWithinLevel(unitEntries, 2).map((entry) => [entry.rank, entry.unitId])).toEqual([
      [1, 'btn'],
      [2, 'bvcr'],
      [3, 'cdn'],
    ]);
  });
});

describe('contest board page', () => {
  it('shows the individual ranking a page at a time, for anyone', async () => {
    const { requests } = mockFetch({
      'GET /api/contests/c1': () => json(contest),
      'GET /api/contests/c1/leaderboard': (request) => {
        const offset = Number(request.url.searchParams.get('offset'));
        return json(
          aContestBoard({
            total: 51,
            entries:
              offset === 0
                ? Array.from({ length: 50 }, (_, index) => aContestBoardEntry({ rank: index + 1, userId: `u${String(index)}`, fullName: `Thí sinh ${String(index + 1)}` }))
                : [aContestBoardEntry({ rank: 51, userId: 'u-last', fullName: 'Người cuối', unitName: null, totalScore: 3, roundsPlayed: 1, totalDurationMs: 65_000 })],
          }),
        );
      },
    });
    const { router } = renderApp('/contests/c1/board');

    expect(await screen.findByRole('heading', { name: 'Bảng xếp hạng' })).toBeInTheDocument();
    expect(screen.getByText('Tìm hiểu Luật Bầu cử')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Cá nhân' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'Bảng xếp hạng cá nhân' });
    expect(rowsOf(table)[0]).toEqual(['1', 'Thí sinh 1Công đoàn Báo Thanh Niên', '38,5', '2', '11:40']);
    expect(screen.getByText('Hạng 1–50 / 51')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Excel/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('Hạng 51–51 / 51')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table', { name: 'Bảng xếp hạng cá nhân' }))).toEqual([['51', 'Người cuối', '3', '1', '01:05']]);
    expect(router.state.location.search).toBe('?page=2');
    expect(requests.filter((request) => request.url.pathname === '/api/contests/c1/leaderboard').map((request) => request.url.search)).toEqual(['?limit=50&offset=0', '?limit=50&offset=50']);
    expect(screen.getByRole('link', { name: 'Tuần 1' })).toHaveAttribute('href', '/rounds/r1');
  });

  it('says when the board is frozen and when nobody is on it yet', async () => {
    mockFetch({
      ...signIn(member),
      'GET /api/contests/c1': () => json(contest),
      'GET /api/contests/c1/leaderboard': () => json(aContestBoard({ total: 0, entries: [], frozen: true, frozenAt: '2026-12-03T06:30:00.000Z' })),
    });
    renderApp('/contests/c1/board');
    expect(await screen.findByText('Bảng xếp hạng dừng cập nhật từ 03/12/2026 13:30: kết quả cuối cùng công bố khi vòng thi kết thúc')).toBeInTheDocument();
    expect(screen.getByText('Chưa có ai hoàn thành bài thi.')).toBeInTheDocument();
  });

  it('ranks units within the chosen level, shows small rates with a decimal, and orders by rate', async () => {
    const { requests } = mockFetch({
      'GET /api/contests/c1': () => json(contest),
      'GET /api/contests/c1/leaderboard': () => json(aContestBoard()),
      'GET /api/contests/c1/leaderboard/units': (request) =>
        json(
          request.url.searchParams.get('orderBy') === 'rate'
            ? aUnitBoard({ orderBy: 'rate', entries: [unitEntries[2]!, unitEntries[1]!, unitEntries[0]!, unitEntries[3]!, unitEntries[4]!, unitEntries[5]!] })
            : aUnitBoard({ entries: unitEntries }),
        ),
    });
    const { router } = renderApp('/contests/c1/board');
    fireEvent.click(await screen.findByRole('tab', { name: 'Đơn vị' }));

    // The grassroots level first: where collective prizes go.
    const table = await screen.findByRole('table', { name: 'Bảng xếp hạng đơn vị, cấp 3' });
    expect(rowsOf(table)).toEqual([
      ['1', 'Công đoàn Báo Thanh Niên', '60', '120', '50%', '15'],
      ['2', 'Công đoàn Bệnh viện Chợ Rẫy', '1', '3.091', '0,032%', '17,5'],
      ['3', 'Công đoàn Cảng Đà Nẵng', '0', '450', '0%', '0'],
    ]);
    const level = screen.getByLabelText('Cấp đơn vị');
    expect(within(level).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Cấp 1 — 1 đơn vị (như Tổng Liên đoàn Lao động Việt Nam)',
      'Cấp 2 — 2 đơn vị (như Liên đoàn Lao động TP. Hồ Chí Minh)',
      'Cấp 3 — 3 đơn vị (như Công đoàn Báo Thanh Niên)',
    ]);

    fireEvent.change(level, { target: { value: '1' } });
    expect(rowsOf(await screen.findByRole('table', { name: 'Bảng xếp hạng đơn vị, cấp 2' }))).toEqual([
      ['1', 'Liên đoàn Lao động TP. Hồ Chí Minh', '61', '3.221', '1,9%', '15'],
      ['2', 'Liên đoàn Lao động TP. Đà Nẵng', '1', '455', '0,2%', '15'],
    ]);

    fireEvent.click(screen.getByLabelText('Tỉ lệ tham gia'));
    await screen.findByText('Hạng 1–2 / 2');
    expect(requests.at(-1)?.url.searchParams.get('orderBy')).toBe('rate');
    expect(router.state.location.search).toBe('?tab=units&level=2&order=rate');

    fireEvent.change(screen.getByLabelText('Tìm đơn vị trên bảng'), { target: { value: 'da nang' } });
    expect(rowsOf(await screen.findByRole('table', { name: 'Bảng xếp hạng đơn vị, cấp 2' }))).toEqual([['2', 'Liên đoàn Lao động TP. Đà Nẵng', '1', '455', '0,2%', '15']]);
  });

  it('gives the contest\'s managers both boards as Excel files', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/contests/c1': () => json({ ...contest, canManage: true }),
      'GET /api/contests/c1/leaderboard': () => json(aContestBoard()),
      'GET /api/contests/c1/leaderboard/units': () => json(aUnitBoard({ entries: unitEntries })),
      'GET /api/contests/c1/leaderboard/export': () => new Response('xlsx', { headers: { 'Content-Disposition': 'attachment; filename="bang-xep-hang-cuoc-thi.xlsx"' } }),
      'GET /api/contests/c1/leaderboard/units/export': () => new Response('xlsx', { headers: { 'Content-Disposition': 'attachment; filename="bang-xep-hang-don-vi.xlsx"' } }),
    });
    class FakeUrl extends URL {
      static override createObjectURL = vi.fn((_blob: Blob) => 'blob:board');
      static override revokeObjectURL = vi.fn();
    }
    vi.stubGlobal('URL', FakeUrl);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/contests/c1/board?tab=units&order=rate');

    fireEvent.click(await screen.findByRole('button', { name: 'Tải bảng xếp hạng đơn vị (Excel)' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('tab', { name: 'Cá nhân' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải bảng xếp hạng cá nhân (Excel)' }));
    await vi.waitFor(() => {
      expect(FakeUrl.createObjectURL).toHaveBeenCalledTimes(2);
    });
    expect(requests.filter((request) => request.url.pathname.endsWith('/export')).map((request) => request.url.pathname + request.url.search)).toEqual([
      '/api/contests/c1/leaderboard/units/export?orderBy=rate',
      '/api/contests/c1/leaderboard/export',
    ]);
  });

  it('moves between the tabs with the arrow keys', async () => {
    mockFetch({
      'GET /api/contests/c1': () => json(contest),
      'GET /api/contests/c1/leaderboard': () => json(aContestBoard()),
      'GET /api/contests/c1/leaderboard/units': () => json(aUnitBoard()),
    });
    renderApp('/contests/c1/board');
    const individuals = await screen.findByRole('tab', { name: 'Cá nhân' });
    fireEvent.keyDown(individuals, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Đơn vị' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Đơn vị' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Đơn vị');
  });

  it('says when the contest cannot be found', async () => {
    mockFetch({ 'GET /api/contests/c1': () => json({ statusCode: 404, code: 'CONTEST.NOT_FOUND', message: 'Không tìm thấy cuộc thi.' }, 404) });
    renderApp('/contests/c1/board');
    expect(await screen.findByText('Không tải được cuộc thi.')).toBeInTheDocument();
    expect(screen.getByText('Không tìm thấy cuộc thi.')).toBeInTheDocument();
  });
});

describe('ways to the board', () => {
  it('is linked from a contest on the home page and from a round', async () => {
    mockFetch({
      'GET /api/contests': () => json({ items: [contest], total: 1 }),
      'GET /api/rounds/r1': () => json(aRound({ id: 'r1', me: null })),
    });
    const { router } = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Bảng xếp hạng cuộc thi Tìm hiểu Luật Bầu cử' })).toHaveAttribute('href', '/contests/c1/board');
    await router.navigate('/rounds/r1');
    expect(await screen.findByRole('link', { name: 'Bảng xếp hạng cuộc thi' })).toHaveAttribute('href', '/contests/c1/board');
  });
});

describe('unit standings', () => {
  it('says when no unit is on the board yet', async () => {
    mockFetch({ 'GET /api/contests/c1/leaderboard/units': () => json(aUnitBoard({ entries: [] })) });
    renderWithProviders(<UnitStandingsPanel contestId="c1" canManage={false} orderBy="participants" depth={undefined} onChange={() => undefined} />);
    expect(await screen.findByText('Chưa có đơn vị nào trên bảng xếp hạng.')).toBeInTheDocument();
  });
});
