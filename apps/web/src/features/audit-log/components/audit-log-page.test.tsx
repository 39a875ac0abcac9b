import type { AuditEntryResponse, Page } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';


const entries: AuditEntryResponse[] = [
  {
    id: 'e2',
    at: '2026-11-26T09:00:00.000Z',
    actorId: 'u-qtv',
    actorName: 'Quản trị viên',
    action: 'user.roles',
    targetType: 'user',
    targetId: 'u-hoa',
    details: { from: ['member'], to: ['member', 'judge'] },
  },
  {
    id: 'e1',
    at: '2026-11-26T08:00:00.000Z',
    actorId: 'u-btc',
    actorName: 'Ban tổ chức',
    action: 'round.close',
    targetType: 'round',
    targetId: 'r-1',
    details: { actualValue: 12, participants: 12 },
  },
];

const page = (items: AuditEntryResponse[], total = items.length): Page<AuditEntryResponse> => ({ items, total });

describe('audit log (admins)', () => {
  it('is linked from the admin menu and lists the entries, newest first', async () => {
    const { requests } = mockFetch({ ...signIn(admin), 'GET /api/audit': () => json(page(entries)) });
    renderApp('/admin/contests');
    const menu = await screen.findByRole('navigation', { name: 'Khu vực ban tổ chức' });
    fireEvent.click(within(menu).getByRole('link', { name: 'Nhật ký thao tác' }));

    expect(await screen.findByRole('heading', { name: 'Nhật ký thao tác', level: 1 })).toBeInTheDocument();
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('rowheader', { name: 'Đổi vai trò tài khoản' })).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Quản trị viên')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('from: member · to: member, judge')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('rowheader', { name: 'Đóng vòng thi' })).toBeInTheDocument();
    expect(screen.getByText('Mục 1–2 / 2')).toBeInTheDocument();
    expect(Object.fromEntries(requests.find((r) => r.url.pathname === '/api/audit')!.url.searchParams)).toEqual({ limit: '20', offset: '0' });
  });

  it('filters by action and pages', async () => {
    const { requests } = mockFetch({
      ...signIn(admin),
      'GET /api/audit': (request) => json(request.url.searchParams.get('offset') === '20' ? page([entries[1]!], 21) : page([entries[0]!], 21)),
    });
    const { router } = renderApp('/admin/audit');
    expect(await screen.findByText('Mục 1–1 / 21')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('Mục 21–21 / 21')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');

    fireEvent.change(screen.getByLabelText('Thao tác'), { target: { value: 'round.close' } });
    await screen.findByText('Mục 1–1 / 21');
    const last = requests.filter((r) => r.url.pathname === '/api/audit').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ limit: '20', offset: '0', action: 'round.close' });
  });

  it('says when nothing has been recorded', async () => {
    mockFetch({ ...signIn(admin), 'GET /api/audit': () => json(page([])) });
    renderApp('/admin/audit');
    expect(await screen.findByText('Chưa có thao tác nào được ghi.')).toBeInTheDocument();
  });

  it('shows loading, then a failure with a retry', async () => {
    let calls = 0;
    mockFetch({
      ...signIn(admin),
      'GET /api/audit': () => {
        calls += 1;
        return calls === 1 ? json({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Dịch vụ tạm thời không sẵn sàng.' }, 503) : json(page(entries));
      },
    });
    renderApp('/admin/audit');
    expect(await screen.findByText('Không tải được nhật ký thao tác.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('shows loading first', async () => {
    mockFetch({ ...signIn(admin), 'GET /api/audit': () => new Promise<Response>(() => undefined) });
    renderApp('/admin/audit');
    expect(await screen.findByText('Đang tải nhật ký…')).toHaveAttribute('role', 'status');
  });

  it('keeps organizers out: no menu entry, no request', async () => {
    const { requests } = mockFetch({ ...signIn(organizer) });
    renderApp('/admin/audit');
    expect(await screen.findByText('Chỉ quản trị viên mới mở được trang này.')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Khu vực ban tổ chức' });
    expect(within(menu).queryByRole('link', { name: 'Nhật ký thao tác' })).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/audit')).toBe(false);
  });
});
