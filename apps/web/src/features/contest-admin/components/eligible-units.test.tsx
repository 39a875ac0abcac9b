import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aContest, organizer, signIn, unitTree } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp, renderWithProviders } from '../../../test/render-app';
import { indexUnits } from '../../auth';
import { EligibleUnitsPanel, topmostUnits } from './eligible-units-panel';

const panel = () => within(screen.getByRole('region', { name: 'Đối tượng dự thi' }));
const loaded = async () => within(await screen.findByRole('region', { name: 'Đối tượng dự thi' }));

function builder(eligibleUnitIds: string[], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...signIn(organizer),
    'GET /api/contests/c1': () => json(aContest({ eligibleUnitIds })),
    'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
    'GET /api/topics': () => json([]),
    'GET /api/questions/availability': () => json({ items: [] }),
    'GET /api/units': () => json(unitTree),
    ...extra,
  });
}

describe('eligible units', () => {
  it('keeps only the top of each chosen branch', () => {
    expect(topmostUnits(indexUnits(unitTree), ['btn', 'hcm', 'gone', 'cdn'])).toEqual(['hcm', 'cdn']);
  });

  it('chooses units from the tree: a unit brings its sub-units, shown ticked and locked, and saves the choice', async () => {
    const { requests } = builder([], { 'PATCH /api/contests/c1': () => json(aContest({ eligibleUnitIds: ['hcm', 'cdn'] })) });
    renderApp('/admin/contests/c1');
    expect(await (await loaded()).findByText('Mọi đoàn viên đều được dự thi.')).toBeInTheDocument();

    fireEvent.click(panel().getByRole('button', { name: 'Chọn đơn vị được dự thi' }));
    fireEvent.click(panel().getByRole('button', { name: /^Các đơn vị trực thuộc Tổng Liên đoàn/ }));
    fireEvent.click(panel().getByRole('button', { name: /^Các đơn vị trực thuộc Liên đoàn Lao động TP. Hồ Chí Minh/ }));
    fireEvent.click(panel().getByRole('checkbox', { name: 'Công đoàn Báo Thanh Niên' }));
    fireEvent.click(panel().getByRole('checkbox', { name: 'Liên đoàn Lao động TP. Hồ Chí Minh' }));

    // Choosing the city federation takes in its grassroots unions.
    expect(panel().getByRole('checkbox', { name: 'Công đoàn Báo Thanh Niên' })).toBeChecked();
    expect(panel().getByRole('checkbox', { name: 'Công đoàn Báo Thanh Niên' })).toBeDisabled();
    expect(panel().getAllByText('Đã gồm trong Liên đoàn Lao động TP. Hồ Chí Minh')).toHaveLength(2);
    expect(panel().getByText('(gồm cả 2 đơn vị trực thuộc)')).toBeInTheDocument();

    fireEvent.change(panel().getByLabelText('Tìm đơn vị'), { target: { value: 'cang da nang' } });
    fireEvent.click(await panel().findByRole('checkbox', { name: 'Công đoàn Cảng Đà Nẵng' }));
    expect(panel().getByText('Đã chọn 2 đơn vị, tính cả đơn vị trực thuộc là 4 đơn vị.')).toBeInTheDocument();

    fireEvent.click(panel().getByRole('button', { name: 'Lưu đối tượng dự thi' }));
    expect(await panel().findByText('Đã lưu đối tượng dự thi.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ eligibleUnitIds: ['hcm', 'cdn'] });
  });

  it('shows the current choice with its branches, and can open the contest to everyone again', async () => {
    const { requests } = builder(['hcm'], { 'PATCH /api/contests/c1': () => json(aContest({ eligibleUnitIds: [] })) });
    renderApp('/admin/contests/c1');
    expect(await (await loaded()).findByText('Đã chọn 1 đơn vị, tính cả đơn vị trực thuộc là 3 đơn vị.')).toBeInTheDocument();
    expect(panel().getByText('(gồm cả 2 đơn vị trực thuộc)')).toBeInTheDocument();

    fireEvent.click(panel().getByRole('button', { name: 'Chọn đơn vị được dự thi' }));
    // The chosen unit is in view: its branch starts open.
    expect(panel().getByRole('checkbox', { name: 'Liên đoàn Lao động TP. Hồ Chí Minh' })).toBeChecked();
    fireEvent.click(panel().getByRole('button', { name: 'Bỏ chọn tất cả (mọi đoàn viên)' }));
    expect(panel().getByText('Chưa chọn đơn vị nào: mọi đoàn viên đều được dự thi.')).toBeInTheDocument();
    fireEvent.click(panel().getByRole('button', { name: 'Lưu đối tượng dự thi' }));
    await panel().findByText('Đã lưu đối tượng dự thi.');
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ eligibleUnitIds: [] });
  });

  it('says why a save failed', async () => {
    builder([], { 'PATCH /api/contests/c1': () => json({ statusCode: 403, code: 'CONTEST.NOT_MANAGER', message: 'x' }, 403) });
    renderApp('/admin/contests/c1');
    fireEvent.click(await (await loaded()).findByRole('button', { name: 'Chọn đơn vị được dự thi' }));
    fireEvent.click(panel().getByRole('checkbox', { name: 'Tổng Liên đoàn Lao động Việt Nam' }));
    fireEvent.click(panel().getByRole('button', { name: 'Lưu đối tượng dự thi' }));
    expect(await panel().findByText('Bạn không quản lý cuộc thi này nên không thực hiện được thao tác này.')).toBeInTheDocument();
  });

  it('is read-only for someone who does not manage the contest', async () => {
    mockFetch({ 'GET /api/units': () => json(unitTree) });
    renderWithProviders(<EligibleUnitsPanel contest={aContest({ canManage: false, eligibleUnitIds: ['dn'] })} />);
    expect(await screen.findByText('Liên đoàn Lao động TP. Đà Nẵng')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Chọn đơn vị được dự thi' })).not.toBeInTheDocument();
  });
});
