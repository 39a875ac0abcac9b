import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aRound, organizer, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { itemAnalysis } from '../test/fixtures';

function routes(phase: 'open' | 'closed', analysis = itemAnalysis) {
  return {
    ...signIn(organizer),
    [`GET /api/rounds/${roundId}`]: () => json(aRound({ me: null, phase })),
    [`GET /api/rounds/${roundId}/item-analysis`]: () => json(analysis),
  };
}

const cards = () => screen.getAllByRole('article');

describe('the item analysis page', () => {
  beforeAll(async () => {
    await import('../index');
  }, 30_000);
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the flagged questions first, says what each flag means, and shows how many chose each option', async () => {
    mockFetch(routes('closed'));
    renderApp(`/admin/rounds/${roundId}/items`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Phân tích câu hỏi — Tuần 1' }, { timeout: 8000 })).toBeInTheDocument();
    await screen.findAllByRole('article');
    expect(screen.getByText('Bài đã kết thúc', { selector: 'dt' }).nextSibling).toHaveTextContent('120');
    expect(screen.getByText('Độ tin cậy (alpha)', { selector: 'dt' }).nextSibling).toHaveTextContent('0,71');
    expect(screen.getByText('Câu bị gắn cờ', { selector: 'dt' }).nextSibling).toHaveTextContent('2');
    expect(screen.getByText(/^Số liệu của các bài đã kết thúc. Cập nhật lúc/)).toBeInTheDocument();

    const [wrongKey, leak, good] = cards();
    expect(within(wrongKey!).getByRole('heading')).toHaveTextContent('Câu 1. Luật Bầu cử quy định tuổi ứng cử đại biểu Quốc hội là bao nhiêu?');
    expect(wrongKey).toHaveTextContent('Độ phân biệt âmNgười làm bài tốt lại hay sai câu này: nhiều khả năng đáp án bị đặt sai.');
    expect(within(wrongKey!).getByText('Độ phân biệt', { selector: 'dt' }).nextSibling).toHaveTextContent('−0,32');
    expect(within(wrongKey!).getByText('Tỉ lệ làm đúng', { selector: 'dt' }).nextSibling).toHaveTextContent('25%');
    const options = within(wrongKey!).getByRole('table', { name: 'Số người chọn mỗi phương án của câu 1' });
    expect(within(options).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['Đáp án Đủ 18 tuổi30 người (25%)', 'Đủ 21 tuổi85 người (70,8%)', 'Đủ 25 tuổi5 người (4,2%)']);

    expect(leak).toHaveTextContent('Tỉ lệ đúng tăng vọtNhững người nộp sau làm đúng nhiều hơn hẳn những người nộp trước: có thể đáp án đang bị truyền tay.');
    expect(good).toHaveTextContent('Chưa tính được độ phân biệt');

    expect(within(wrongKey!).getByRole('link', { name: 'Sửa câu hỏi' })).toHaveAttribute('href', '/admin/questions/q-wrong-key');
    expect(within(wrongKey!).getByRole('link', { name: 'Xem trước chấm lại' })).toHaveAttribute('href', `/admin/rounds/${roundId}#regrade`);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Chỉ hiện 2 câu bị gắn cờ' }));
    expect(cards()).toHaveLength(2);
  }, 20_000);

  it('asks again every 30 seconds while the round is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let asked = 0;
    mockFetch({
      ...routes('open'),
      [`GET /api/rounds/${roundId}/item-analysis`]: () => {
        asked += 1;
        return json({ ...itemAnalysis, attempts: asked === 1 ? 120 : 135 });
      },
    });
    renderApp(`/admin/rounds/${roundId}/items`);
    await screen.findAllByRole('article', undefined, { timeout: 8000 });
    expect(screen.getByText(/^Vòng thi đang mở: số liệu tự cập nhật mỗi 30 giây\./)).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(await screen.findByText('135')).toBeInTheDocument();
    expect(asked).toBe(2);
  }, 20_000);

  it('does not ask again once the round is closed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { requests } = mockFetch(routes('closed'));
    renderApp(`/admin/rounds/${roundId}/items`);
    await screen.findAllByRole('article', undefined, { timeout: 8000 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(requests.filter((request) => request.url.pathname.endsWith('/item-analysis'))).toHaveLength(1);
  }, 20_000);

  it('says so when no attempt has finished yet', async () => {
    mockFetch(routes('open', { attempts: 0, alpha: null, items: [] }));
    renderApp(`/admin/rounds/${roundId}/items`);
    expect(await screen.findByText('Chưa có bài thi nào kết thúc.', undefined, { timeout: 8000 })).toBeInTheDocument();
  }, 20_000);

  it('is linked from the round operations page, which brings the regrade preview into view', async () => {
    mockFetch({
      ...routes('closed'),
      [`GET /api/rounds/${roundId}/participation`]: () => json({ roundId, bucket: 'hour', participants: 0, finished: 0, active: 0, timeline: [] }),
      'GET /api/contests/c1/leaderboard/units': () => json({ contestId: 'c1', orderBy: 'participants', frozen: false, frozenAt: null, total: 0, entries: [] }),
      [`GET /api/rounds/${roundId}/regrades`]: () => json({ items: [] }),
    });
    const { router } = renderApp(`/admin/rounds/${roundId}`);
    const link = await screen.findByRole('link', { name: 'Phân tích câu hỏi' }, { timeout: 8000 });
    expect(link).toHaveAttribute('href', `/admin/rounds/${roundId}/items`);

    await act(async () => {
      await router.navigate(`/admin/rounds/${roundId}#regrade`);
    });
    expect(screen.getByRole('heading', { name: 'Chấm lại' })).toHaveFocus();
  }, 20_000);
});
