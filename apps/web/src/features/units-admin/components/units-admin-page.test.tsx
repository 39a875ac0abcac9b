import type { UnitResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, aUnit, organizer, signIn, unitTree } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const tree = () => screen.getByRole('list', { name: 'Cây đơn vị' });
const toggle = (name: string) => screen.getByRole('button', { name: new RegExp(`^Các đơn vị trực thuộc ${name}`) });
const rowOf = (name: string) => screen.getByText(name, { selector: '.unit-row__name' }).closest('li')!;

describe('unit tree page', () => {
  it('is in the organizer area menu, and shows the tree collapsed, opened one unit at a time', async () => {
    mockFetch({ ...signIn(organizer), 'GET /api/units': () => json(unitTree) });
    renderApp('/admin/units');

    expect(await screen.findByRole('heading', { name: 'Cây đơn vị' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Khu vực ban tổ chức' })).toContainElement(screen.getByRole('link', { name: 'Đơn vị' }));
    expect(await screen.findByText('6 đơn vị · 3.676 đoàn viên')).toBeInTheDocument();
    expect(within(tree()).getByText('Tổng Liên đoàn Lao động Việt Nam')).toBeInTheDocument();
    expect(screen.queryByText('Liên đoàn Lao động TP. Hồ Chí Minh')).not.toBeInTheDocument();

    fireEvent.click(toggle('Tổng Liên đoàn Lao động Việt Nam'));
    expect(toggle('Tổng Liên đoàn Lao động Việt Nam')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Liên đoàn Lao động TP. Hồ Chí Minh')).toBeInTheDocument();
    expect(screen.queryByText('Công đoàn Báo Thanh Niên')).not.toBeInTheDocument();
    expect(within(rowOf('Liên đoàn Lao động TP. Hồ Chí Minh')).getByText('10 đoàn viên · 2 đơn vị trực thuộc')).toBeInTheDocument();

    fireEvent.click(toggle('Tổng Liên đoàn Lao động Việt Nam'));
    expect(screen.queryByText('Liên đoàn Lao động TP. Hồ Chí Minh')).not.toBeInTheDocument();
  });

  it('finds a unit by name without diacritics and keeps its ancestors in view', async () => {
    mockFetch({ ...signIn(admin), 'GET /api/units': () => json(unitTree) });
    renderApp('/admin/units');
    await screen.findByText('Tổng Liên đoàn Lao động Việt Nam');

    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'cho ray' } });

    await waitFor(() => {
      expect(within(tree()).getAllByRole('listitem').map((item) => item.querySelector('.unit-row__name')?.textContent)).toEqual([
        'Tổng Liên đoàn Lao động Việt Nam',
        'Liên đoàn Lao động TP. Hồ Chí Minh',
        'Công đoàn Bệnh viện Chợ Rẫy',
      ]);
    });
    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'không có' } });
    expect(await screen.findByText('Không tìm thấy đơn vị nào phù hợp.')).toBeInTheDocument();
  });

  it('never lays out thousands of units at once: a hundred at a time under a parent', async () => {
    const units: UnitResponse[] = [aUnit('hcm', 'Liên đoàn Lao động TP. Hồ Chí Minh')];
    for (let index = 0; index < 2558; index += 1) units.push(aUnit(`u${String(index)}`, `Công đoàn cơ sở ${String(index).padStart(4, '0')}`, 'hcm'));
    mockFetch({ ...signIn(organizer), 'GET /api/units': () => json(units) });
    renderApp('/admin/units');
    await screen.findByText('Liên đoàn Lao động TP. Hồ Chí Minh');
    expect(document.querySelectorAll('.unit-row')).toHaveLength(1);

    fireEvent.click(toggle('Liên đoàn Lao động TP. Hồ Chí Minh'));
    expect(document.querySelectorAll('.unit-row')).toHaveLength(101);
    fireEvent.click(screen.getByRole('button', { name: 'Hiện thêm 100 đơn vị (còn 2.458)' }));
    expect(document.querySelectorAll('.unit-row')).toHaveLength(201);

    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'cong doan co so' } });
    expect(await screen.findByText('Đang hiện 200 trên 2.559 đơn vị. Gõ tên để thu hẹp danh sách.')).toBeInTheDocument();
  });

  it('adds a unit under the chosen parent, then shows it', async () => {
    let units = unitTree;
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json(units),
      'POST /api/units': () => {
        units = [...unitTree, aUnit('new', 'Công đoàn Công ty Điện lực', 'dn', 300)];
        return json(aUnit('new', 'Công đoàn Công ty Điện lực', 'dn', 300), 201);
      },
    });
    renderApp('/admin/units');
    fireEvent.click(await screen.findByRole('button', { name: /^Các đơn vị trực thuộc Tổng Liên đoàn/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sửa Liên đoàn Lao động TP. Đà Nẵng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }));

    const form = screen.getByRole('form', { name: 'Thêm đơn vị trực thuộc Liên đoàn Lao động TP. Đà Nẵng' });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm đơn vị' }));
    expect(within(form).getByLabelText('Tên đơn vị')).toHaveAccessibleDescription('Vui lòng nhập thông tin này.');
    fireEvent.change(within(form).getByLabelText('Tên đơn vị'), { target: { value: '  Công đoàn Công ty Điện lực ' } });
    fireEvent.change(within(form).getByLabelText('Số đoàn viên'), { target: { value: '300' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm đơn vị' }));

    expect(await screen.findByText('Đã thêm đơn vị “Công đoàn Công ty Điện lực”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'Công đoàn Công ty Điện lực', parentId: 'dn', memberCount: 300 });
    expect(await screen.findByText('Công đoàn Công ty Điện lực')).toBeInTheDocument();
  });

  it('adds a top-level unit from the toolbar', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json([]),
      'POST /api/units': () => json(aUnit('tld', 'Tổng Liên đoàn Lao động Việt Nam'), 201),
    });
    renderApp('/admin/units');
    expect(await screen.findByText('Chưa có đơn vị nào.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Thêm đơn vị' }));
    const form = screen.getByRole('form', { name: 'Thêm đơn vị' });
    expect(within(form).getByText('Không có — đơn vị cấp cao nhất')).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText('Tên đơn vị'), { target: { value: 'Tổng Liên đoàn Lao động Việt Nam' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Thêm đơn vị' }));

    expect(await screen.findByText('Đã thêm đơn vị “Tổng Liên đoàn Lao động Việt Nam”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'Tổng Liên đoàn Lao động Việt Nam' });
  });

  it('renames a unit and fixes its member count, sending only what changed', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json(unitTree),
      'PATCH /api/units/tld': () => json({ ...unitTree[0], name: 'Tổng LĐLĐ Việt Nam', memberCount: 12 }),
    });
    renderApp('/admin/units');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa Tổng Liên đoàn Lao động Việt Nam' }));
    const form = screen.getByRole('form', { name: 'Sửa đơn vị Tổng Liên đoàn Lao động Việt Nam' });
    expect(within(form).getByLabelText('Số đoàn viên')).toHaveValue('0');

    fireEvent.change(within(form).getByLabelText('Số đoàn viên'), { target: { value: '12a' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByText('Nhập một số nguyên từ 0 đến 10.000.000.')).toBeInTheDocument();

    fireEvent.change(within(form).getByLabelText('Tên đơn vị'), { target: { value: 'Tổng LĐLĐ Việt Nam' } });
    fireEvent.change(within(form).getByLabelText('Số đoàn viên'), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Đã lưu đơn vị “Tổng LĐLĐ Việt Nam”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ name: 'Tổng LĐLĐ Việt Nam', memberCount: 12 });
  });

  it('moves a unit under another parent, never offering its own branch, and explains a refused move', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json(unitTree),
      'PATCH /api/units/hcm': () =>
        json({ statusCode: 409, code: 'UNIT.CYCLE', message: 'Không thể chuyển đơn vị vào dưới chính nó hoặc đơn vị trực thuộc của nó.' }, 409),
    });
    renderApp('/admin/units');
    fireEvent.click(await screen.findByRole('button', { name: /^Các đơn vị trực thuộc Tổng Liên đoàn/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sửa Liên đoàn Lao động TP. Hồ Chí Minh' }));
    const form = screen.getByRole('form', { name: 'Sửa đơn vị Liên đoàn Lao động TP. Hồ Chí Minh' });
    expect(within(form).getByText('Tổng Liên đoàn Lao động Việt Nam')).toBeInTheDocument();

    fireEvent.click(within(form).getByRole('button', { name: 'Chuyển sang đơn vị cấp trên khác' }));
    const picker = within(within(form).getByRole('group', { name: 'Đơn vị cấp trên mới' }));
    expect(picker.queryByRole('radio', { name: 'Liên đoàn Lao động TP. Hồ Chí Minh' })).not.toBeInTheDocument();
    expect(picker.queryByRole('radio', { name: 'Công đoàn Báo Thanh Niên' })).not.toBeInTheDocument();
    fireEvent.click(picker.getByRole('radio', { name: 'Liên đoàn Lao động TP. Đà Nẵng' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('Không thể chuyển đơn vị vào dưới chính nó hoặc một đơn vị trực thuộc của nó.');
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ parentId: 'dn' });
  });

  it('makes a unit top level', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json(unitTree),
      'PATCH /api/units/dn': () => json({ ...unitTree[2], parentId: null }),
    });
    renderApp('/admin/units');
    fireEvent.click(await screen.findByRole('button', { name: /^Các đơn vị trực thuộc Tổng Liên đoàn/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sửa Liên đoàn Lao động TP. Đà Nẵng' }));
    const form = screen.getByRole('form', { name: 'Sửa đơn vị Liên đoàn Lao động TP. Đà Nẵng' });
    fireEvent.click(within(form).getByRole('button', { name: 'Chuyển sang đơn vị cấp trên khác' }));
    fireEvent.click(within(form).getByLabelText('Là đơn vị cấp cao nhất (không có cấp trên)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Đã lưu đơn vị “Liên đoàn Lao động TP. Đà Nẵng”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ parentId: null });
  });

  it('deletes a unit after confirming, and says why one in use cannot go', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => json(unitTree),
      'DELETE /api/units/tld': () => json({ statusCode: 409, code: 'UNIT.IN_USE', message: 'x' }, 409),
      'DELETE /api/units/dn': () => new Response(null, { status: 204 }),
    });
    renderApp('/admin/units');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa Tổng Liên đoàn Lao động Việt Nam' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xoá đơn vị' }));
    const dialog = screen.getByRole('dialog', { name: 'Xoá đơn vị “Tổng Liên đoàn Lao động Việt Nam”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xoá đơn vị' }));

    expect(await screen.findByText('Đơn vị còn đơn vị trực thuộc, còn đoàn viên hoặc đang là đối tượng dự thi của một cuộc thi nên không xoá được.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    fireEvent.click(toggle('Tổng Liên đoàn Lao động Việt Nam'));
    fireEvent.click(screen.getByRole('button', { name: 'Sửa Liên đoàn Lao động TP. Đà Nẵng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xoá đơn vị' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Xoá đơn vị' }));
    expect(await screen.findByText('Đã xoá đơn vị “Liên đoàn Lao động TP. Đà Nẵng”.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url.pathname)).toEqual(['/api/units/tld', '/api/units/dn']);
  });

  it('says when the tree cannot be loaded, and tries again', async () => {
    let fail = true;
    mockFetch({
      ...signIn(organizer),
      'GET /api/units': () => (fail ? json({ statusCode: 500, code: 'INTERNAL', message: 'Lỗi máy chủ.' }, 500) : json(unitTree)),
    });
    renderApp('/admin/units');
    expect(await screen.findByText('Không tải được danh sách đơn vị.')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByText('Tổng Liên đoàn Lao động Việt Nam')).toBeInTheDocument();
  });
});
