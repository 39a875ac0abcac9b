import type { Page, UnitResponse, UserAdminResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { admin, anAdminUser, organizer, signIn } from '../../../test/builders';
import { json, mockFetch, type MockRequest } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const units: UnitResponse[] = [
  { id: 'hcm', name: 'Liên đoàn Lao động TP. Hồ Chí Minh', parentId: null, memberCount: 1000 },
  { id: 'btn', name: 'Công đoàn Báo Thanh Niên', parentId: 'hcm', memberCount: 120 },
];

const hoa = anAdminUser({ id: 'u-hoa', fullName: 'Nguyễn Thị Hoa', email: 'hoa@example.vn', phone: '0912345678', unitId: 'btn', roles: ['member'] });
const nam = anAdminUser({ id: 'u-nam', fullName: 'Trần Văn Nam', email: 'nam@example.vn', unitId: 'hcm', roles: ['member', 'judge'], active: false });
const me = anAdminUser({ ...admin, createdAt: '2026-01-01T00:00:00.000Z' });

const page = (items: UserAdminResponse[], total = items.length): Page<UserAdminResponse> => ({ items, total });
const usersRequests = (requests: MockRequest[]) => requests.filter((request) => request.method === 'GET' && request.url.pathname === '/api/users');
const card = (name: string) => screen.getByRole('article', { name });

function routes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({ ...signIn(admin), 'GET /api/units': () => json(units), 'GET /api/users': () => json(page([hoa, nam, me])), ...extra });
}

describe('users (admins)', () => {
  it('is linked from the admin menu and lists each account with its unit, roles and state', async () => {
    const { requests } = routes({ 'GET /api/contests': () => json({ items: [], total: 0 }) });
    renderApp('/admin/contests');
    const menu = await screen.findByRole('navigation', { name: 'Khu vực ban tổ chức' });
    fireEvent.click(within(menu).getByRole('link', { name: 'Người dùng' }));

    expect(await screen.findByRole('heading', { name: 'Người dùng', level: 1 })).toBeInTheDocument();
    const first = within(await screen.findByRole('article', { name: 'Nguyễn Thị Hoa' }));
    expect(first.getByText('hoa@example.vn')).toBeInTheDocument();
    expect(first.getByText('0912 345 678')).toBeInTheDocument();
    expect(await first.findByText('Công đoàn Báo Thanh Niên')).toBeInTheDocument();
    expect(first.getByText('Đoàn viên')).toBeInTheDocument();
    expect(first.getByText('Đang hoạt động')).toBeInTheDocument();

    const second = within(card('Trần Văn Nam'));
    expect(second.getByText('Giám khảo')).toBeInTheDocument();
    expect(second.getByText('Đã khoá')).toBeInTheDocument();
    expect(second.getByText('Chưa có')).toBeInTheDocument();
    expect(second.getByRole('button', { name: 'Mở khoá tài khoản' })).toBeInTheDocument();

    const mine = within(card('Quản trị viên'));
    expect(mine.getByText('Bạn')).toBeInTheDocument();
    expect(mine.getByText('Không thuộc đơn vị nào')).toBeInTheDocument();

    expect(screen.getByText('Tìm thấy 3 tài khoản')).toBeInTheDocument();
    expect(Object.fromEntries(usersRequests(requests)[0]!.url.searchParams)).toEqual({ limit: '20', offset: '0' });
  });

  it('is for admins only, and not in the organizers\' menu', async () => {
    const { requests } = mockFetch({ ...signIn(organizer), 'GET /api/contests': () => json({ items: [], total: 0 }) });
    renderApp('/admin/users');
    expect(await screen.findByText('Chỉ quản trị viên mới mở được trang này.')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Khu vực ban tổ chức' });
    expect(within(menu).queryByRole('link', { name: 'Người dùng' })).not.toBeInTheDocument();
    expect(usersRequests(requests)).toHaveLength(0);
  });

  it('searches after a pause in typing, filters by role and pages through', async () => {
    const { requests } = routes({
      'GET /api/users': (request) => json(request.url.searchParams.get('offset') === '20' ? page([nam], 21) : page([hoa], 21)),
    });
    const { router } = renderApp('/admin/users');
    expect(await screen.findByText('1–1 / 21')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('21–21 / 21')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');

    fireEvent.change(screen.getByLabelText('Tìm theo họ tên hoặc email'), { target: { value: 'h' } });
    fireEvent.change(screen.getByLabelText('Tìm theo họ tên hoặc email'), { target: { value: 'hoa ' } });
    await waitFor(() => {
      expect(router.state.location.search).toBe('?search=hoa');
    });
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'judge' } });
    await waitFor(() => {
      expect(Object.fromEntries(usersRequests(requests).at(-1)!.url.searchParams)).toEqual({ search: 'hoa', role: 'judge', limit: '20', offset: '0' });
    });
    // One request for the pause, none for each key.
    expect(usersRequests(requests).filter((request) => request.url.searchParams.get('search') === 'h')).toHaveLength(0);
  });

  it('says when nothing matches, shows loading first and a failure with a retry', async () => {
    let calls = 0;
    routes({
      'GET /api/users': (request) => {
        calls += 1;
        if (calls === 1) return new Promise<Response>((resolve) => setTimeout(() => resolve(json({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Dịch vụ tạm thời không sẵn sàng.' }, 503)), 50));
        return json(page(request.url.searchParams.get('role') ? [] : [hoa]));
      },
    });
    renderApp('/admin/users');
    expect(await screen.findByText('Đang tải danh sách người dùng…')).toHaveAttribute('role', 'status');
    expect(await screen.findByText('Không tải được danh sách người dùng.')).toBeInTheDocument();
    expect(screen.getByText('Dịch vụ tạm thời không sẵn sàng.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('article', { name: 'Nguyễn Thị Hoa' })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'admin' } });
    expect(await screen.findByText('Không có tài khoản nào phù hợp.')).toBeInTheDocument();
  });

  it('edits the roles with checkboxes and saves them', async () => {
    const { requests } = routes({ 'PUT /api/users/u-hoa/roles': (request) => json({ ...hoa, ...(request.body as object) }) });
    renderApp('/admin/users');
    const hoaCard = within(await screen.findByRole('article', { name: 'Nguyễn Thị Hoa' }));

    fireEvent.click(hoaCard.getByRole('button', { name: 'Sửa vai trò' }));
    const roles = within(hoaCard.getByRole('group', { name: 'Vai trò của Nguyễn Thị Hoa' }));
    expect(roles.getByRole('checkbox', { name: 'Đoàn viên' })).toBeChecked();
    expect(roles.getByRole('checkbox', { name: 'Ban tổ chức' })).not.toBeChecked();

    fireEvent.click(roles.getByRole('checkbox', { name: 'Đoàn viên' }));
    fireEvent.click(hoaCard.getByRole('button', { name: 'Lưu vai trò' }));
    expect(hoaCard.getByText('Chọn ít nhất một vai trò.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    fireEvent.click(roles.getByRole('checkbox', { name: 'Giám khảo' }));
    fireEvent.click(roles.getByRole('checkbox', { name: 'Ban tổ chức' }));
    fireEvent.click(hoaCard.getByRole('button', { name: 'Lưu vai trò' }));

    expect(await hoaCard.findByText('Đã lưu vai trò của Nguyễn Thị Hoa.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ roles: ['organizer', 'judge'] });
    expect(hoaCard.queryByRole('group', { name: 'Vai trò của Nguyễn Thị Hoa' })).not.toBeInTheDocument();
  });

  it('explains why an admin cannot drop their own admin role', async () => {
    routes({ 'PUT /api/users/u-qtv/roles': () => json({ statusCode: 409, code: 'USER.CANNOT_DEMOTE_SELF', message: 'USER.CANNOT_DEMOTE_SELF' }, 409) });
    renderApp('/admin/users');
    const mine = within(await screen.findByRole('article', { name: 'Quản trị viên' }));
    fireEvent.click(mine.getByRole('button', { name: 'Sửa vai trò' }));
    fireEvent.click(mine.getByRole('checkbox', { name: 'Ban tổ chức' }));
    fireEvent.click(mine.getByRole('checkbox', { name: 'Quản trị viên' }));
    fireEvent.click(mine.getByRole('button', { name: 'Lưu vai trò' }));
    expect(await mine.findByRole('alert')).toHaveTextContent('Bạn không thể tự bỏ vai trò quản trị viên của mình.');
  });

  it('deactivates an account after a confirm, and says why one cannot deactivate oneself', async () => {
    const { requests } = routes({
      'PATCH /api/users/u-hoa': () => json({ ...hoa, active: false }),
      'PATCH /api/users/u-qtv': () => json({ statusCode: 409, code: 'USER.CANNOT_DISABLE_SELF', message: 'USER.CANNOT_DISABLE_SELF' }, 409),
    });
    renderApp('/admin/users');
    const hoaCard = within(await screen.findByRole('article', { name: 'Nguyễn Thị Hoa' }));

    fireEvent.click(hoaCard.getByRole('button', { name: 'Khoá tài khoản' }));
    const dialog = screen.getByRole('dialog', { name: 'Khoá tài khoản của Nguyễn Thị Hoa?' });
    expect(dialog).toHaveTextContent('Người này sẽ bị đăng xuất khỏi mọi thiết bị');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khoá tài khoản' }));
    expect(await hoaCard.findByText('Đã khoá tài khoản của Nguyễn Thị Hoa.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ active: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const mine = within(card('Quản trị viên'));
    fireEvent.click(mine.getByRole('button', { name: 'Khoá tài khoản' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Khoá tài khoản' }));
    expect(await mine.findByRole('alert')).toHaveTextContent('Bạn không thể tự khoá tài khoản của mình.');
  });

  it('reactivates a deactivated account', async () => {
    const { requests } = routes({ 'PATCH /api/users/u-nam': () => json({ ...nam, active: true }) });
    renderApp('/admin/users');
    const namCard = within(await screen.findByRole('article', { name: 'Trần Văn Nam' }));
    fireEvent.click(namCard.getByRole('button', { name: 'Mở khoá tài khoản' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Mở khoá tài khoản của Trần Văn Nam?' })).getByRole('button', { name: 'Mở khoá tài khoản' }));
    expect(await namCard.findByText('Đã mở khoá tài khoản của Trần Văn Nam.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ active: true });
  });

  it('resets a password after a confirm and shows the temporary one once, with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { requests } = routes({ 'POST /api/users/u-hoa/reset-password': () => json({ temporaryPassword: 'Xanh-La-4821' }) });
    renderApp('/admin/users');
    const hoaCard = within(await screen.findByRole('article', { name: 'Nguyễn Thị Hoa' }));

    fireEvent.click(hoaCard.getByRole('button', { name: 'Đặt lại mật khẩu' }));
    const dialog = screen.getByRole('dialog', { name: 'Đặt lại mật khẩu của Nguyễn Thị Hoa?' });
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tạo mật khẩu tạm thời' }));

    const temporary = await hoaCard.findByLabelText('Mật khẩu tạm thời');
    expect(temporary).toHaveValue('Xanh-La-4821');
    expect(hoaCard.getByRole('heading', { name: 'Mật khẩu tạm thời của Nguyễn Thị Hoa' })).toHaveFocus();
    expect(hoaCard.getByText(/họ phải đổi mật khẩu ở lần đăng nhập tới/)).toBeInTheDocument();
    fireEvent.click(hoaCard.getByRole('button', { name: 'Sao chép' }));
    expect(await hoaCard.findByText('Đã sao chép mật khẩu.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('Xanh-La-4821');

    fireEvent.click(hoaCard.getByRole('button', { name: 'Đã gửi, ẩn mật khẩu' }));
    await waitFor(() => {
      expect(hoaCard.queryByLabelText('Mật khẩu tạm thời')).not.toBeInTheDocument();
    });
    expect(screen.queryByText('Xanh-La-4821')).not.toBeInTheDocument();
  });
});
