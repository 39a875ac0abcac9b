import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { aContest, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { contestId, participation } from '../test/fixtures';

const contest = aContest({ id: contestId, title: 'Tìm hiểu Luật Bầu cử', status: 'published' });

function routes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return {
    ...signIn(organizer),
    [`GET /api/contests/${contestId}`]: () => json(contest),
    [`GET /api/contests/${contestId}/participation`]: () => json(participation),
    ...extra,
  };
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the participation dashboard', () => {
  // The route loads the feature on demand: load it once here, so no test waits for the first compile.
  beforeAll(async () => {
    await import('../index');
  }, 30_000);

  it('sums up the contest, shows the rounds as bars with their numbers in a table, and the top units of the grassroots level', async () => {
    mockFetch(routes());
    renderApp(`/admin/contests/${contestId}/participation`);

    // The first render of the app on a busy machine can take a few seconds.
    expect(await screen.findByRole('heading', { level: 1, name: 'Tham gia theo đơn vị — Tìm hiểu Luật Bầu cử' }, { timeout: 8000 })).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Số người tham gia theo vòng thi' });
    expect(screen.getByText('Đoàn viên', { selector: 'dt' }).nextSibling).toHaveTextContent('1.000');
    expect(screen.getByText('Người đã tham gia', { selector: 'dt' }).nextSibling).toHaveTextContent('260');
    expect(screen.getByText('Tỉ lệ tham gia', { selector: 'dt' }).nextSibling).toHaveTextContent('26%');
    expect(screen.getByText('So với vòng trước (Tuần 2)', { selector: 'dt' }).nextSibling).toHaveTextContent('+4 điểm %');

    // The bars are an image with a title; their numbers are a table for screen readers.
    expect(screen.getByRole('img', { name: 'Số người tham gia theo vòng thi' })).toBeInTheDocument();
    const bars = screen.getByRole('table', { name: 'Số người tham gia theo vòng thi' });
    expect(bodyRows(bars).map((row) => row.textContent)).toEqual(['Tuần 115015%', 'Tuần 219019%', 'Tuần 300%']);

    // Collective prizes: the grassroots level by default, by participants.
    const prizes = screen.getByRole('table', { name: 'Top 10 đơn vị cho giải tập thể' });
    expect(bodyRows(prizes).map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'CĐCS Đại học Bách khoa',
      'CĐCS Bệnh viện Đa khoa Đống Đa',
      'CĐCS Cảng Cát Lái',
      'CĐCS Báo Thanh Niên',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Tỉ lệ tham gia' }));
    expect(within(bodyRows(prizes)[0]!).getByRole('rowheader')).toHaveTextContent('CĐCS Báo Thanh Niên');
    fireEvent.change(screen.getByLabelText('Số đơn vị'), { target: { value: '3' } });
    expect(bodyRows(screen.getByRole('table', { name: 'Top 3 đơn vị cho giải tập thể' }))).toHaveLength(3);

    // Another level: the provinces.
    fireEvent.change(screen.getByLabelText('Cấp đơn vị'), { target: { value: '1' } });
    expect(bodyRows(screen.getByRole('table', { name: 'Top 3 đơn vị cho giải tập thể' })).map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'LĐLĐ Hà Nội',
      'LĐLĐ TP. Hồ Chí Minh',
    ]);
  }, 20_000);

  it('names the units that rose and fell most since the previous round, and draws a line per leading unit', async () => {
    mockFetch(routes());
    renderApp(`/admin/contests/${contestId}/participation`);
    await screen.findByRole('heading', { name: 'Tăng nhiều nhất' });

    expect(screen.getByText('Tỉ lệ tham gia Tuần 2 so với Tuần 1.')).toBeInTheDocument();
    const grew = screen.getByRole('heading', { name: 'Tăng nhiều nhất' }).parentElement!;
    expect(within(grew).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'CĐCS Bệnh viện Đa khoa Đống Đa+20 điểm % (10% → 30%)',
      'CĐCS Cảng Cát Lái+10 điểm % (6,7% → 16,7%)',
    ]);
    const fell = screen.getByRole('heading', { name: 'Giảm nhiều nhất' }).parentElement!;
    expect(within(fell).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['CĐCS Đại học Bách khoa−7,5 điểm % (20% → 12,5%)']);

    expect(screen.getByRole('img', { name: 'Tỉ lệ tham gia theo vòng thi của từng đơn vị' })).toBeInTheDocument();
    const lines = screen.getByRole('table', { name: 'Tỉ lệ tham gia theo vòng thi của từng đơn vị' });
    expect(bodyRows(lines)[0]).toHaveTextContent('CĐCS Đại học Bách khoa20%12,5%0%');
    // Small multiples: the largest units, each an image that says its numbers.
    expect(screen.getByRole('img', { name: 'CĐCS Đại học Bách khoa, tỉ lệ tham gia: Tuần 1: 20%; Tuần 2: 12,5%; Tuần 3: 0%' })).toBeInTheDocument();
  }, 20_000);

  it('opens and closes branches of the unit tree, and finds a unit by a name typed without diacritics', async () => {
    mockFetch(routes());
    renderApp(`/admin/contests/${contestId}/participation`);
    const table = await screen.findByRole('table', { name: 'Tham gia của mọi đơn vị qua từng vòng thi' });
    const unitsShown = () => bodyRows(table).map((row) => row.querySelector('.tree-table__name')?.textContent);

    expect(unitsShown()).toEqual(['Tổng Liên đoàn Lao động Việt Nam', 'LĐLĐ Hà Nội', 'LĐLĐ TP. Hồ Chí Minh']);
    expect(bodyRows(table)[1]).toHaveTextContent('▸LĐLĐ Hà Nội60010016,7%11018,3%00%16026,7%');
    const open = screen.getByRole('button', { name: 'Mở LĐLĐ TP. Hồ Chí Minh' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(open);
    expect(unitsShown()).toEqual(['Tổng Liên đoàn Lao động Việt Nam', 'LĐLĐ Hà Nội', 'LĐLĐ TP. Hồ Chí Minh', 'CĐCS Báo Thanh Niên', 'CĐCS Cảng Cát Lái']);
    fireEvent.click(screen.getByRole('button', { name: 'Thu gọn Tổng Liên đoàn Lao động Việt Nam' }));
    expect(unitsShown()).toEqual(['Tổng Liên đoàn Lao động Việt Nam']);
    fireEvent.click(screen.getByRole('button', { name: 'Mở tất cả' }));
    expect(unitsShown()).toHaveLength(7);

    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'bach khoa' } });
    expect(await screen.findByText('1 đơn vị khớp')).toBeInTheDocument();
    expect(unitsShown()).toEqual(['Tổng Liên đoàn Lao động Việt Nam', 'LĐLĐ Hà Nội', 'CĐCS Đại học Bách khoa']);
  }, 20_000);

  it('downloads the spreadsheet through the API', async () => {
    const { requests } = mockFetch(
      routes({
        [`GET /api/contests/${contestId}/participation`]: (request) =>
          request.url.searchParams.get('format') === 'xlsx'
            ? new Response(new Blob(['xlsx']), { headers: { 'Content-Disposition': 'attachment; filename="tham-gia-theo-don-vi.xlsx"' } })
            : json(participation),
      }),
    );
    URL.createObjectURL = () => 'blob:participation';
    URL.revokeObjectURL = () => undefined;
    renderApp(`/admin/contests/${contestId}/participation`);
    fireEvent.click(await screen.findByRole('button', { name: 'Tải bảng tính (xlsx)' }));
    await screen.findByRole('button', { name: 'Tải bảng tính (xlsx)' });
    expect(requests.filter((request) => request.url.searchParams.get('format') === 'xlsx')).toHaveLength(1);
    expect(requests.find((request) => request.url.searchParams.get('format') === 'xlsx')?.headers.get('Authorization')).toBe(`Bearer token-${organizer.id}`);
  }, 20_000);

  it('says why when the figures cannot be read, and when there is nothing to show yet', async () => {
    mockFetch(
      routes({
        [`GET /api/contests/${contestId}/participation`]: () => json({ statusCode: 403, code: 'CONTEST.NOT_MANAGER', message: 'Bạn không quản lý cuộc thi này.' }, 403),
      }),
    );
    const { unmount } = renderApp(`/admin/contests/${contestId}/participation`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Không tải được số liệu.');
    unmount();

    mockFetch(routes({ [`GET /api/contests/${contestId}/participation`]: () => json({ rounds: [], units: participation.units }) }));
    renderApp(`/admin/contests/${contestId}/participation`);
    expect(await screen.findByText('Cuộc thi chưa có vòng thi trắc nghiệm nào.')).toBeInTheDocument();
  }, 20_000);

  it('is reached from the contest builder and from the organizers\u2019 menu', async () => {
    mockFetch(routes({ 'GET /api/contests': () => json({ items: [aContest({ id: contestId, title: 'Tìm hiểu Luật Bầu cử', status: 'published', rounds: [] }), aContest({ id: 'c2', kind: 'essay', title: 'Viết về người lao động' })], total: 2 }) }));
    renderApp('/admin/analytics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Thống kê' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Thống kê' })).toHaveAttribute('href', '/admin/analytics');
    expect(await screen.findByRole('heading', { name: 'Tìm hiểu Luật Bầu cử' })).toBeInTheDocument();
    expect(screen.queryByText('Viết về người lao động')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Tham gia theo đơn vị' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tham gia theo đơn vị — Tìm hiểu Luật Bầu cử' })).toBeInTheDocument();
  }, 20_000);
});
