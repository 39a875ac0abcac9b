import type { LeaderboardEntry, LeaderboardStreamEvent, RoundLeaderboardResponse } from '@hoi-thi/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aRound, organizer, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

/** Enough of EventSource to drive the page: the test opens, sends and drops the stream. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }

  open() {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  board(event: LeaderboardStreamEvent) {
    this.dispatchEvent(new MessageEvent('board', { data: JSON.stringify(event) }));
  }

  drop() {
    this.readyState = FakeEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }

  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
}

const entry = (rank: number, fullName: string, score: number, unitName: string | null = 'CĐCS Báo Thanh Niên'): LeaderboardEntry => ({
  rank,
  userId: `u${String(rank)}-${fullName}`,
  fullName,
  unitId: null,
  unitName,
  score,
  durationMs: 300_000 + rank * 1000,
  prediction: null,
  predictionDiff: null,
  submittedAt: '2026-11-26T08:10:00.000Z',
});

const board = (entries: LeaderboardEntry[]): RoundLeaderboardResponse => ({ roundId, final: false, frozen: false, frozenAt: null, actualValue: null, resultsSha256: null, total: entries.length, entries });

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('display page', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the board without a login and updates it from the stream', async () => {
    const { requests } = mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json(board([entry(1, 'Nguyễn Văn An', 18)])),
    });

    renderApp(`/display/rounds/${roundId}`);

    expect(await screen.findByRole('heading', { name: 'Bảng xếp hạng — Tuần 1' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: /Nguyễn Văn An/ })).toBeInTheDocument();
    expect(requests.find((request) => request.url.pathname.endsWith('/leaderboard'))?.url.searchParams.get('limit')).toBe('20');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();

    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe(`/api/rounds/${roundId}/leaderboard/stream`);
    expect(screen.getByText('Đang kết nối…')).toBeInTheDocument();
    act(() => {
      source.open();
      source.board({
        roundId,
        final: false,
        frozen: false,
        frozenAt: null,
        total: 2,
        entries: [entry(1, 'Lê Thị Bình', 20, null), entry(2, 'Nguyễn Văn An', 18)],
        sentAt: '2026-11-26T08:11:00.000Z',
      });
    });

    expect(screen.getByText('Trực tiếp')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toHaveTextContent('1Lê Thị Bình2005:01');
    expect(rows()[1]).toHaveTextContent('2Nguyễn Văn AnCĐCS Báo Thanh Niên1805:02');
    expect(screen.getByText('2 người dự thi')).toBeInTheDocument();
    expect(screen.getByText(/^Cập nhật lúc/)).toBeInTheDocument();
    expect(screen.queryByTestId('frozen')).not.toBeInTheDocument();

    // The last minutes before close: the stream says the board froze, and the page says so.
    act(() => {
      source.board({
        roundId,
        final: false,
        frozen: true,
        frozenAt: '2026-11-26T09:30:00.000Z',
        total: 2,
        entries: [entry(1, 'Lê Thị Bình', 20, null), entry(2, 'Nguyễn Văn An', 18)],
        sentAt: '2026-11-26T09:40:00.000Z',
      });
    });
    // The event goes through the query cache, which tells the page a task later.
    expect(await screen.findByTestId('frozen')).toHaveTextContent(/^Bảng xếp hạng dừng cập nhật từ \d{2}:\d{2}(:\d{2})?: kết quả cuối cùng công bố khi vòng thi kết thúc$/);
  });

  it('says the board is frozen when the fetched board says so, with or without the time it froze', async () => {
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json({ ...board([entry(1, 'Nguyễn Văn An', 18)]), frozen: true, frozenAt: '2026-11-26T09:30:00.000Z' }),
    });
    renderApp(`/display/rounds/${roundId}`);

    expect(await screen.findByTestId('frozen')).toHaveTextContent(/^Bảng xếp hạng dừng cập nhật từ \d{2}:\d{2}(:\d{2})?/);

    act(() => {
      FakeEventSource.instances[0]!.open();
      FakeEventSource.instances[0]!.board({
        roundId,
        final: false,
        frozen: true,
        frozenAt: null,
        total: 1,
        entries: [entry(1, 'Nguyễn Văn An', 18)],
        sentAt: '2026-11-26T09:40:00.000Z',
      });
    });
    expect(screen.getByTestId('frozen')).toHaveTextContent('Bảng xếp hạng đang dừng cập nhật: kết quả cuối cùng công bố khi vòng thi kết thúc');
  });

  it('says it is reconnecting when the stream drops, and fetches the board again once back', async () => {
    let fetches = 0;
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => {
        fetches += 1;
        return json(board(fetches === 1 ? [entry(1, 'Nguyễn Văn An', 18)] : [entry(1, 'Phạm Minh Châu', 19), entry(2, 'Nguyễn Văn An', 18)]));
      },
    });
    renderApp(`/display/rounds/${roundId}`);
    await screen.findByRole('cell', { name: /Nguyễn Văn An/ });
    const source = FakeEventSource.instances[0]!;
    act(() => {
      source.open();
    });

    act(() => {
      source.drop();
    });
    expect(screen.getByText('Mất kết nối, đang kết nối lại…')).toBeInTheDocument();

    act(() => {
      source.open();
    });
    expect(await screen.findByRole('cell', { name: /Phạm Minh Châu/ })).toBeInTheDocument();
    expect(fetches).toBe(2);
    expect(screen.getByText('Trực tiếp')).toBeInTheDocument();
  });

  it('opens a new stream when the browser gives up on the old one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json(board([])),
    });
    const { unmount } = renderApp(`/display/rounds/${roundId}`);
    expect(await screen.findByText('Chưa có ai hoàn thành bài thi.')).toBeInTheDocument();

    const first = FakeEventSource.instances[0]!;
    act(() => {
      first.readyState = FakeEventSource.CLOSED;
      first.dispatchEvent(new Event('error'));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(FakeEventSource.instances).toHaveLength(2);

    unmount();
    expect(FakeEventSource.instances[1]?.closed).toBe(true);
  });

  it('asks for the board as the public sees it, even on a signed-in manager\u2019s laptop (the freeze holds on the wall)', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json({ ...board([entry(1, 'Nguyễn Văn An', 18)]), frozen: true, frozenAt: '2026-11-26T09:30:00.000Z' }),
    });
    renderApp(`/display/rounds/${roundId}`);
    expect(await screen.findByTestId('frozen')).toBeInTheDocument();
    const boardRequest = requests.find((request) => request.url.pathname.endsWith('/leaderboard'));
    expect(boardRequest?.headers.get('Authorization')).toBeNull();
    // The round is asked for once the session is known (after /auth/me), whenever the board came.
    await waitFor(() => {
      expect(requests.find((request) => request.url.pathname === `/api/rounds/${roundId}`)?.headers.get('Authorization')).toBe(`Bearer token-${organizer.id}`);
    });
  });

  it('gives a phone a way back to the round page', async () => {
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json(board([])),
    });
    renderApp(`/display/rounds/${roundId}`);
    expect(await screen.findByRole('link', { name: '← Về vòng thi' })).toHaveAttribute('href', `/rounds/${roundId}`);
  });

  it('keeps the frozen board on screen when the round closes, until the organizer reveals the results', async () => {
    const finalBoard = { ...board([entry(1, 'Lê Thị Bình', 20), entry(2, 'Nguyễn Văn An', 18), entry(3, 'Phạm Minh Châu', 15)]), final: true };
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: (request) =>
        json(request.url.searchParams.get('limit') === '20' && FakeEventSource.instances[0]?.readyState === FakeEventSource.OPEN ? finalBoard : { ...board([entry(1, 'Nguyễn Văn An', 18)]), frozen: true, frozenAt: '2026-11-26T09:30:00.000Z' }),
    });
    renderApp(`/display/rounds/${roundId}`);
    await screen.findByRole('cell', { name: /Nguyễn Văn An/ });
    const source = FakeEventSource.instances[0]!;
    act(() => {
      source.open();
      source.board({ roundId, final: true, frozen: false, frozenAt: null, total: 3, entries: finalBoard.entries, sentAt: '2026-11-26T10:00:00.000Z' });
    });

    // Still the frozen board: the winner is not on the wall yet.
    expect(screen.queryByText('Lê Thị Bình')).not.toBeInTheDocument();
    expect(screen.getByText('Vòng thi đã kết thúc. Kết quả chung cuộc sẵn sàng để công bố.')).toBeInTheDocument();
    expect(screen.getByTestId('frozen')).toBeInTheDocument();

    fireEvent.click(screen.getAllByRole('button', { name: 'Công bố từ cuối bảng' })[0]!);
    const rows = await screen.findAllByTestId('reveal-row');
    expect(rows.map((row) => row.textContent)).toEqual(['1• • •chưa công bố', '2• • •chưa công bố', '3• • •chưa công bố']);
  });

  it('reveals the final board from the bottom: a step per key press or tap, back with ←, or on a timer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const finalBoard = { ...board([entry(1, 'Lê Thị Bình', 20), entry(2, 'Nguyễn Văn An', 18), entry(3, 'Phạm Minh Châu', 15)]), final: true };
    const { requests } = mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => json(finalBoard),
    });
    renderApp(`/display/rounds/${roundId}?reveal=1&top=10&every=2`);
    await screen.findAllByTestId('reveal-row');
    expect(requests.filter((request) => request.url.pathname.endsWith('/leaderboard')).map((request) => request.url.searchParams.get('limit'))).toContain('10');
    const names = () => screen.getAllByTestId('reveal-row').map((row) => (row.hasAttribute('data-hidden') ? '?' : row.querySelector('.board__name')?.textContent));
    expect(names()).toEqual(['?', '?', '?']);
    expect(screen.getByText('Đã công bố 0/3')).toBeInTheDocument();

    fireEvent.keyDown(window, { key: ' ' });
    expect(names()).toEqual(['?', '?', 'Phạm Minh Châu']);
    expect(screen.getByText('Hạng 3: Phạm Minh Châu, 15 điểm')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(names()).toEqual(['?', 'Nguyễn Văn An', 'Phạm Minh Châu']);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(names()).toEqual(['?', '?', 'Phạm Minh Châu']);
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp →' }));
    expect(names()).toEqual(['?', 'Nguyễn Văn An', 'Phạm Minh Châu']);

    // The timer (every 2 s, from the address) reveals the winner; then it stops.
    expect(screen.getByLabelText('Mỗi bước')).toHaveValue('2');
    fireEvent.click(screen.getByRole('button', { name: 'Tự động' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_000);
    });
    expect(names()).toEqual(['Lê Thị Bình', 'Nguyễn Văn An', 'Phạm Minh Châu']);
    expect(screen.getByText('Đã công bố toàn bộ')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tiếp →' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Thoát công bố' }));
    expect(await screen.findByRole('button', { name: 'Công bố từ cuối bảng' })).toBeInTheDocument();
    expect(screen.queryAllByTestId('reveal-row')).toHaveLength(0);
    expect(screen.getByRole('cell', { name: /Lê Thị Bình/ })).toBeInTheDocument();
  });
});
