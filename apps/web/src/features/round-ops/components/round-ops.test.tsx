import type { ParticipationResponse, RegradeResponse, UnitLeaderboardResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, organizer, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp, renderWithProviders } from '../../../test/render-app';
import { RegradeDiff } from './regrade-diff';

const regrade = (overrides: Partial<RegradeResponse> = {}): RegradeResponse => ({
  dryRun: true,
  questions: [{ questionId: 'q7', fromVersionIds: ['v1'], toVersionId: 'v2' }],
  changed: [
    { attemptId: 'a1', userId: 'u-hoa', oldScore: 17, newScore: 18 },
    { attemptId: 'a2', userId: 'u-nam', oldScore: 12.5, newScore: 11.5 },
  ],
  rankChanges: 3,
  regradeId: null,
  ...overrides,
});

const participation: ParticipationResponse = {
  roundId,
  bucket: 'hour',
  participants: 37,
  finished: 52,
  active: 4,
  timeline: [
    { at: '2026-11-26T07:00:00.000Z', started: 10, finished: 8 },
    { at: '2026-11-26T08:00:00.000Z', started: 30, finished: 25 },
    { at: '2026-11-26T09:00:00.000Z', started: 20, finished: 19 },
  ],
};

const units: UnitLeaderboardResponse = {
  contestId: 'c1',
  orderBy: 'participants',
  frozen: false,
  frozenAt: null,
  total: 2,
  entries: [
    { rank: 1, unitId: 'hcm', name: 'LĐLĐ TP. Hồ Chí Minh', parentId: null, depth: 0, participants: 30, memberCount: 1000, participationRate: 0.03, averageScore: 15 },
    { rank: 2, unitId: 'btn', name: 'CĐCS Báo Thanh Niên', parentId: 'hcm', depth: 1, participants: 12, memberCount: 120, participationRate: 0.1, averageScore: 16 },
  ],
};

function opsRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return {
    ...signIn(organizer),
    [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null, phase: 'closed' })),
    [`GET /api/rounds/${roundId}/participation`]: () => json(participation),
    'GET /api/contests/c1/leaderboard/units': () => json(units),
    [`GET /api/rounds/${roundId}/regrades`]: () => json({ items: [] }),
    [`GET /api/rounds/${roundId}/leaderboard`]: () =>
      json({
        roundId,
        final: false,
        actualValue: null,
        total: 2,
        entries: [
          { rank: 1, userId: 'u-hoa', fullName: 'Nguyễn Thị Hoa', unitId: 'btn', unitName: 'CĐCS Báo Thanh Niên', score: 17, durationMs: 1, prediction: null, predictionDiff: null, submittedAt: '' },
        ],
      }),
    ...extra,
  };
}

describe('regrade diff', () => {
  it('shows each attempt old → new with the change, biggest first, and the rank changes', () => {
    renderWithProviders(<RegradeDiff result={regrade({ changed: [...regrade().changed, { attemptId: 'a3', userId: 'u-x', oldScore: 10, newScore: 12 }] })} />);

    expect(screen.getByText('Thứ hạng thay đổi').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByText('Lượt thi đổi điểm').nextElementSibling).toHaveTextContent('3');
    const rows = within(screen.getByRole('table', { name: 'Điểm trước và sau khi chấm lại' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Thí sinh u-x…', '10', '→ 12', '+2'],
      ['Thí sinh u-hoa…', '17', '→ 18', '+1'],
      ['Thí sinh u-nam…', '12,5', '→ 11,5', '−1'],
    ]);
  });

  it('says when nothing was corrected or nothing changes', () => {
    const { rerender } = renderWithProviders(<RegradeDiff result={regrade({ questions: [], changed: [], rankChanges: 0 })} />);
    expect(screen.getByText('Không có câu hỏi nào của vòng thi được sửa đáp án; không cần chấm lại.')).toBeInTheDocument();
    rerender(<RegradeDiff result={regrade({ changed: [], rankChanges: 0 })} />);
    expect(screen.getByText('Đáp án đã sửa nhưng không lượt thi nào đổi điểm.')).toBeInTheDocument();
  });
});

describe('round operations page', () => {
  it('previews a regrade with names from the board, then applies it after a confirm', async () => {
    const { requests } = mockFetch(
      opsRoutes({
        [`POST /api/rounds/${roundId}/regrade`]: (request) =>
          json((request.body as { dryRun: boolean }).dryRun ? regrade() : regrade({ dryRun: false, regradeId: 'g1' })),
      }),
    );
    renderApp(`/admin/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Xem trước (chạy thử)' }));
    expect(await screen.findByRole('heading', { name: 'Nếu chấm lại' })).toBeInTheDocument();
    expect(await screen.findByText('Nguyễn Thị Hoa')).toBeInTheDocument();
    expect(screen.getByText('Thí sinh u-nam…')).toBeInTheDocument();
    expect(requests.filter((request) => request.url.pathname.endsWith('/regrade')).map((request) => request.body)).toEqual([{ dryRun: true }]);

    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng chấm lại' }));
    const dialog = screen.getByRole('dialog', { name: 'Áp dụng chấm lại?' });
    expect(dialog).toHaveTextContent('2 lượt thi sẽ đổi điểm, 3 thứ hạng thay đổi.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Áp dụng chấm lại' }));

    expect(await screen.findByText('Đã chấm lại: 2 lượt thi đổi điểm, 3 thứ hạng thay đổi.')).toBeInTheDocument();
    expect(requests.filter((request) => request.url.pathname.endsWith('/regrade')).map((request) => request.body)).toEqual([{ dryRun: true }, { dryRun: false }]);
  });

  it('shows participation totals, attempts over time as bars, and the units', async () => {
    mockFetch(opsRoutes());
    renderApp(`/admin/rounds/${roundId}`);

    expect(await screen.findByText('Người đã nộp bài')).toBeInTheDocument();
    expect(screen.getByText('Người đã nộp bài').nextElementSibling).toHaveTextContent('37');
    expect(screen.getByRole('img', { name: 'Số lượt thi bắt đầu và nộp bài theo giờ' })).toBeInTheDocument();
    expect(document.querySelectorAll('.timeline__bar')).toHaveLength(6);
    const table = screen.getByRole('table', { name: 'Số lượt thi theo thời gian' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(await screen.findByText('CĐCS Báo Thanh Niên')).toBeInTheDocument();
    expect(screen.getByText('12/120 người · 10%')).toBeInTheDocument();
    expect(screen.queryByTestId('units-frozen')).not.toBeInTheDocument();
  });

  it('says when the unit board counts a frozen round as it stood', async () => {
    mockFetch(opsRoutes({ 'GET /api/contests/c1/leaderboard/units': () => json({ ...units, frozen: true, frozenAt: '2026-11-26T09:30:00.000Z' }) }));
    renderApp(`/admin/rounds/${roundId}`);
    expect(await screen.findByTestId('units-frozen')).toHaveTextContent(/^Một vòng thi đang dừng cập nhật bảng xếp hạng: số người tham gia tính đến \d{2}:\d{2}/);
  });

  it('says why the round cannot be closed yet', async () => {
    mockFetch(
      opsRoutes({
        [`POST /api/rounds/${roundId}/close`]: () =>
          json({ statusCode: 409, code: 'ROUND.STILL_OPEN', message: 'Vòng thi chưa kết thúc (đóng lúc 14:00 03/12/2026); hãy tổng kết sau khi hết giờ.' }, 409),
      }),
    );
    renderApp(`/admin/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Tổng kết vòng thi' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Tổng kết vòng thi?' })).getByRole('button', { name: 'Tổng kết vòng thi' }));
    expect(await screen.findByText(/Vòng thi chưa kết thúc/)).toBeInTheDocument();
  });
});

describe('essay round: assigning judges', () => {
  const judgingStatus = {
    roundId,
    entries: 3,
    seed: null,
    judgeIds: [],
    assignedAt: null,
    lockedAt: null,
    publishedAt: null,
    normalize: false,
    discrepancyThreshold: null,
    shortlistedFromRoundId: null,
    assignments: { pending: 0, scored: 0, conflict: 0 },
    loads: [],
  };
  const judge = (id: string, fullName: string) => ({ id, fullName, email: `${id}@hoithi.test`, unitId: 'btn', roles: ['judge'], phone: null, mustChangePassword: false, active: true, createdAt: '' });

  it('lets an organizer pick judges from the judge accounts, and says when none is chosen', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ kind: 'essay', phase: 'closed', me: null, rubric: [{ name: 'Nội dung', weight: 1, maxPoints: 10 }], judgesPerEntry: 1 })),
      [`GET /api/rounds/${roundId}/entries`]: () => json({ items: [], total: 0 }),
      [`GET /api/rounds/${roundId}/judging`]: () => json(judgingStatus),
      'GET /api/users/judges': () => json({ items: [judge('j-sau', 'Lò Văn Sáu'), judge('j-bay', 'Hà Thị Bảy')], total: 2 }),
      [`POST /api/rounds/${roundId}/assignments`]: () =>
        json({ roundId, seed: 's', judgesPerEntry: 1, assignments: [{ entryId: 'e1' }, { entryId: 'e2' }, { entryId: 'e3' }], loads: [] }),
    });
    renderApp(`/admin/rounds/${roundId}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Phân công' }));
    expect(await screen.findByText('Chọn ít nhất một giám khảo.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.click(await screen.findByRole('checkbox', { name: /Hà Thị Bảy/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Phân công' }));
    expect(await screen.findByText('Đã tạo 3 lượt chấm.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([{ judgeIds: ['j-bay'] }]);
  });
});
