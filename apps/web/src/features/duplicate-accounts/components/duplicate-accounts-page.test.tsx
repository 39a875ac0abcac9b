import type { DuplicateGroupResponse, Page } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { member, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const account = (id: string, fullName: string, overrides: Partial<DuplicateGroupResponse['accounts'][number]> = {}) => ({
  id,
  fullName,
  email: `${id}@example.vn`,
  phone: null,
  legacyPhone: null,
  unitId: 'hp',
  unitName: 'CĐCS Cảng Hải Phòng',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...overrides,
});

const groups: DuplicateGroupResponse[] = [
  {
    reason: 'SAME_NAME',
    key: 'nguyen van an',
    unitId: 'hp',
    unitName: 'CĐCS Cảng Hải Phòng',
    size: 3,
    accounts: [account('an1', 'Nguyễn Văn An', { phone: '0911000001' }), account('an2', 'nguyễn văn an'), account('an3', 'Nguyen Van An')],
  },
  {
    reason: 'SAME_PHONE',
    key: '0911000001',
    unitId: null,
    unitName: null,
    size: 2,
    accounts: [
      account('an1', 'Nguyễn Văn An', { phone: '0911000001' }),
      account('em', 'Hoàng Văn Em', { legacyPhone: '0911000001', unitId: 'sg', unitName: 'CĐCS Cảng Sài Gòn' }),
    ],
  },
  {
    reason: 'SIMILAR_PHONE',
    key: '091100010',
    unitId: 'hp',
    unitName: 'CĐCS Cảng Hải Phòng',
    size: 60,
    accounts: [account('be', 'Trần Thị Bé', { phone: '0911000101' }), account('ca', 'Lê Văn Cả', { phone: '0911000102' })],
  },
];

const page = (items: DuplicateGroupResponse[], total = items.length): Page<DuplicateGroupResponse> => ({ items, total });

describe('duplicate accounts (organizers)', () => {
  it('is linked from the organizer menu and lists each group with its accounts', async () => {
    const { requests } = mockFetch({ ...signIn(organizer), 'GET /api/users/duplicates': () => json(page(groups)) });
    renderApp('/admin/contests');
    const menu = await screen.findByRole('navigation', { name: 'Khu vực ban tổ chức' });
    fireEvent.click(within(menu).getByRole('link', { name: 'Tài khoản trùng' }));

    expect(await screen.findByRole('heading', { name: 'Tài khoản nghi trùng người', level: 1 })).toBeInTheDocument();
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(3);

    const sameName = within(cards[0]!);
    expect(sameName.getByRole('heading', { name: 'Nguyễn Văn An' })).toBeInTheDocument();
    expect(sameName.getByText('Cùng họ tên, cùng đơn vị')).toBeInTheDocument();
    expect(sameName.getByText('3 tài khoản')).toBeInTheDocument();
    expect(sameName.getByText('CĐCS Cảng Hải Phòng')).toBeInTheDocument();
    expect(sameName.getByText('Điện thoại: 0911 000 001')).toBeInTheDocument();
    expect(sameName.getAllByText('Chưa có số điện thoại')).toHaveLength(2);

    const samePhone = within(cards[1]!);
    expect(samePhone.getByRole('heading', { name: '0911 000 001' })).toBeInTheDocument();
    expect(samePhone.getByText('Số đã khai trước đây: 0911 000 001')).toBeInTheDocument();
    expect(samePhone.getByText('CĐCS Cảng Sài Gòn')).toBeInTheDocument();

    const similar = within(cards[2]!);
    expect(similar.getByRole('heading', { name: 'Các số 091100010x' })).toBeInTheDocument();
    expect(similar.getByText('Đang hiện 2 tài khoản đăng ký sớm nhất trong số 60.')).toBeInTheDocument();

    expect(screen.getByText('Nhóm 1–3 / 3')).toBeInTheDocument();
    expect(requests.find((r) => r.url.pathname === '/api/users/duplicates')?.url.searchParams.get('limit')).toBe('20');
  });

  it('filters by reason and pages through the groups', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/users/duplicates': (request) =>
        json(request.url.searchParams.get('offset') === '20' ? page([groups[2]!], 21) : page([groups[0]!], 21)),
    });
    const { router } = renderApp('/admin/duplicates');
    expect(await screen.findByText('Nhóm 1–1 / 21')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    expect(await screen.findByText('Nhóm 21–21 / 21')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();

    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'SIMILAR_PHONE' } });
    await screen.findByText('Nhóm 1–1 / 21');
    const last = requests.filter((r) => r.url.pathname === '/api/users/duplicates').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ limit: '20', offset: '0', reason: 'SIMILAR_PHONE' });
  });

  it('says when there is nothing to look into', async () => {
    mockFetch({ ...signIn(organizer), 'GET /api/users/duplicates': () => json(page([])) });
    renderApp('/admin/duplicates');
    expect(await screen.findByText('Không có nhóm tài khoản nào đáng ngờ.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Các trang của danh sách' })).not.toBeInTheDocument();
  });

  it('shows a failure with a retry, then the list', async () => {
    let calls = 0;
    mockFetch({
      ...signIn(organizer),
      'GET /api/users/duplicates': () => {
        calls += 1;
        return calls === 1 ? json({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Dịch vụ tạm thời không sẵn sàng.' }, 503) : json(page([groups[1]!]));
      },
    });
    renderApp('/admin/duplicates');
    expect(await screen.findByText('Không tải được danh sách tài khoản nghi trùng.')).toBeInTheDocument();
    expect(screen.getByText('Dịch vụ tạm thời không sẵn sàng.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { name: '0911 000 001' })).toBeInTheDocument();
  });

  it('shows loading first', async () => {
    mockFetch({ ...signIn(organizer), 'GET /api/users/duplicates': () => new Promise<Response>(() => undefined) });
    renderApp('/admin/duplicates');
    expect(await screen.findByText('Đang tải danh sách…')).toHaveAttribute('role', 'status');
  });

  it('keeps members out', async () => {
    const { requests } = mockFetch({ ...signIn(member) });
    renderApp('/admin/duplicates');
    expect(await screen.findByText('Chỉ ban tổ chức và quản trị viên mới mở được trang này.')).toBeInTheDocument();
    expect(requests.some((r) => r.url.pathname === '/api/users/duplicates')).toBe(false);
  });
});
