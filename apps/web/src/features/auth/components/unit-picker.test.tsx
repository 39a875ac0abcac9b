import type { UnitResponse } from '@hoi-thi/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render-app';
import { UnitPicker } from './unit-picker';

const unit = (id: string, name: string, parentId: string | null = null): UnitResponse => ({
  id,
  name,
  parentId,
  memberCount: 100,
});

const units = [
  unit('tld', 'Tổng Liên đoàn Lao động Việt Nam'),
  unit('hcm', 'Liên đoàn Lao động TP. Hồ Chí Minh', 'tld'),
  unit('dn', 'Liên đoàn Lao động TP. Đà Nẵng', 'tld'),
  unit('btn', 'Công đoàn Báo Thanh Niên', 'hcm'),
  unit('bvcr', 'Công đoàn Bệnh viện Chợ Rẫy', 'hcm'),
  unit('cdn', 'Công đoàn Cảng Đà Nẵng', 'dn'),
];

function renderPicker(value = '') {
  const onChange = vi.fn();
  renderWithProviders(<UnitPicker label="Đơn vị (công đoàn cơ sở)" units={units} value={value} onChange={onChange} />);
  return { onChange };
}

describe('unit picker', () => {
  it('shows the units as a tree', () => {
    renderPicker();

    const options = screen.getAllByRole('radio').map((radio) => radio.closest('li'));
    expect(options.map((item) => item?.textContent)).toEqual([
      'Tổng Liên đoàn Lao động Việt Nam',
      'Liên đoàn Lao động TP. Đà Nẵng',
      'Công đoàn Cảng Đà Nẵng',
      'Liên đoàn Lao động TP. Hồ Chí Minh',
      'Công đoàn Báo Thanh Niên',
      'Công đoàn Bệnh viện Chợ Rẫy',
    ]);
    expect(options.map((item) => item?.style.getPropertyValue('--depth'))).toEqual(['0', '1', '2', '1', '2', '2']);
  });

  it('finds "Báo Thanh Niên" when typing without diacritics or capitals', async () => {
    const { onChange } = renderPicker();

    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'bao thanh nien' } });

    const match = await screen.findByRole('radio', { name: 'Công đoàn Báo Thanh Niên' });
    expect(screen.queryByRole('radio', { name: 'Công đoàn Bệnh viện Chợ Rẫy' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Công đoàn Cảng Đà Nẵng' })).not.toBeInTheDocument();
    // Its parents stay visible, so the reader knows which Báo Thanh Niên it is.
    expect(screen.getByRole('radio', { name: 'Liên đoàn Lao động TP. Hồ Chí Minh' })).toBeInTheDocument();

    fireEvent.click(match);
    expect(onChange).toHaveBeenCalledWith('btn');
  });

  it('reads đ as d', async () => {
    renderPicker();

    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'cang da nang' } });

    expect(await screen.findByRole('radio', { name: 'Công đoàn Cảng Đà Nẵng' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Công đoàn Báo Thanh Niên' })).not.toBeInTheDocument();
  });

  it('says when nothing matches, and names the chosen unit', async () => {
    renderPicker('btn');

    expect(screen.getByText('Đã chọn: Công đoàn Báo Thanh Niên')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'không có đơn vị này' } });
    expect(await screen.findByText('Không tìm thấy đơn vị nào phù hợp.')).toBeInTheDocument();
  });
});
