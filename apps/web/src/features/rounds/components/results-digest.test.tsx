import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aContest, aRound, organizer, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const digest = 'a3f1c2'.padEnd(64, '0');
// The page loads the session, the round, then the board and the contest: on a busy machine that takes more than findBy's default second.
const closed = aRound({ phase: 'closed', closedAt: '2026-12-03T07:00:05.000Z', actualValue: 120, me: null });
const board = (resultsSha256: string | null) =>
  json({ roundId, final: true, frozen: false, frozenAt: null, actualValue: 120, resultsSha256, total: 0, entries: [] });

describe('the results verification code of a closed round', () => {
  it('shows everyone the SHA-256 of results.csv with a copy button, and no download to a member', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(closed),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => board(digest),
      'GET /api/contests/c1': () => json(aContest({ canManage: false })),
    });
    const writeText = vi.fn(async (_text: string) => undefined);
    // Only the clipboard: the rest of navigator (onLine) is what the queries read.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(`/rounds/${roundId}`);

    const region = await screen.findByRole('region', { name: 'Mã kiểm chứng kết quả' }, { timeout: 5_000 });
    expect(within(region).getByLabelText('SHA-256 của results.csv')).toHaveValue(digest);
    fireEvent.click(within(region).getByRole('button', { name: 'Sao chép' }));
    expect(await within(region).findByText('Đã sao chép mã kiểm chứng.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(digest);
    expect(within(region).queryByRole('button', { name: /Tải bộ kết quả/ })).not.toBeInTheDocument();
  });

  it('lets a manager download the bundle, after which the code appears', async () => {
    let built = false;
    const { requests } = mockFetch({
      ...signIn(organizer),
      [`GET /api/rounds/${roundId}`]: () => json(closed),
      [`GET /api/rounds/${roundId}/leaderboard`]: () => board(built ? digest : null),
      'GET /api/contests/c1': () => json(aContest({ canManage: true })),
      [`GET /api/rounds/${roundId}/results-bundle`]: () => {
        built = true;
        return new Response('zip', { headers: { 'Content-Disposition': `attachment; filename="ket-qua-vong-${roundId}.zip"` } });
      },
    });
    URL.createObjectURL = () => 'blob:bundle';
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp(`/rounds/${roundId}`);

    const region = await screen.findByRole('region', { name: 'Mã kiểm chứng kết quả' }, { timeout: 5_000 });
    expect(within(region).getByText('Mã kiểm chứng được tạo khi ban tổ chức tải bộ kết quả lần đầu.')).toBeInTheDocument();
    fireEvent.click(within(region).getByRole('button', { name: 'Tải bộ kết quả kiểm chứng (.zip)' }));
    expect(await within(region).findByLabelText('SHA-256 của results.csv', {}, { timeout: 5_000 })).toHaveValue(digest);
    expect(requests.find((request) => request.url.pathname.endsWith('/results-bundle'))?.headers.get('Authorization')).toBe(`Bearer token-${organizer.id}`);
  });

  it('is not shown while the round is open', async () => {
    mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null })),
    });
    renderApp(`/rounds/${roundId}`);
    expect(await screen.findByRole('heading', { name: 'Tuần 1' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Mã kiểm chứng kết quả' })).not.toBeInTheDocument();
  });
});
