import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aUnitImportReport, organizer, signIn } from '../../../test/builders';
import { json, mockFetch, type MockRequest } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { unitImportTemplate } from './unit-import-page';

const formOf = (request: MockRequest | undefined) => {
  const form = request?.body;
  if (!(form instanceof FormData)) throw new Error('not a multipart request');
  return Object.fromEntries([...form.entries()].map(([key, value]) => [key, value instanceof File ? value.name : value]));
};
const posts = (requests: MockRequest[]) => requests.filter((request) => request.method === 'POST');
const choose = (name: string) => {
  fireEvent.change(screen.getByLabelText('Tệp đơn vị (.xlsx hoặc .csv)'), { target: { files: [new File(['…'], name)] } });
};

describe('unit import', () => {
  it('runs a dry run first, lists every problem with its line and column, and imports only a clean file', async () => {
    let clean = false;
    const { requests } = mockFetch({
      ...signIn(organizer),
      'POST /api/units/import': (request) => {
        if (formOf(request).dryRun === 'false') return json(aUnitImportReport({ dryRun: false, created: 2556, updated: 2 }), 201);
        return json(
          clean
            ? aUnitImportReport({ created: 2556, updated: 2 })
            : aUnitImportReport({
                created: 2556,
                errors: [
                  { line: 40, column: 'C', message: 'Số đoàn viên phải là số nguyên từ 0 đến 10000000.' },
                  { line: 7, column: 'B', message: 'Không tìm thấy đơn vị cấp trên "LĐLĐ Quận 13" (trong hệ thống hoặc trong tệp).' },
                  { line: 1, message: 'Thiếu cột "Tên đơn vị" ở dòng tiêu đề (dòng 1).' },
                ],
              }),
        );
      },
    });
    renderApp('/admin/units/import');
    expect(await screen.findByRole('heading', { name: 'Nhập cây đơn vị từ tệp' })).toBeInTheDocument();
    expect(screen.getByLabelText('Tệp đơn vị (.xlsx hoặc .csv)')).toHaveAccessibleDescription('Dòng đầu là tiêu đề với các cột: Tên đơn vị, Đơn vị cấp trên, Số đoàn viên.');

    choose('don-vi.xlsx');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));

    expect(await screen.findByText('Tệp có 3 lỗi nên chưa đơn vị nào được nhập. Hãy sửa các dòng dưới đây rồi kiểm tra lại.')).toBeInTheDocument();
    const lines = within(screen.getByText('Lỗi cần sửa').parentElement!).getAllByRole('listitem');
    expect(lines.map((item) => item.textContent)).toEqual([
      'Dòng 1Thiếu cột "Tên đơn vị" ở dòng tiêu đề (dòng 1).',
      'Dòng 7, cột BKhông tìm thấy đơn vị cấp trên "LĐLĐ Quận 13" (trong hệ thống hoặc trong tệp).',
      'Dòng 40, cột CSố đoàn viên phải là số nguyên từ 0 đến 10000000.',
    ]);
    expect(screen.queryByRole('button', { name: /^Nhập \d/ })).not.toBeInTheDocument();
    expect(formOf(posts(requests).at(-1))).toEqual({ dryRun: 'true', file: 'don-vi.xlsx' });

    clean = true;
    choose('don-vi-da-sua.xlsx');
    expect(screen.queryByText('Lỗi cần sửa')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));
    expect(await screen.findByText('Tệp hợp lệ: sẽ thêm 2.556 đơn vị và cập nhật 2 đơn vị. Chưa có gì được lưu.')).toBeInTheDocument();
    expect(screen.getByText('Sẽ cập nhật').nextElementSibling).toHaveTextContent('2');

    fireEvent.click(screen.getByRole('button', { name: 'Nhập 2.558 đơn vị' }));
    expect(await screen.findByText('Đã thêm 2.556 đơn vị và cập nhật 2 đơn vị.')).toBeInTheDocument();
    expect(formOf(posts(requests).at(-1))).toEqual({ dryRun: 'false', file: 'don-vi-da-sua.xlsx' });
    expect(screen.getByRole('link', { name: 'Xem cây đơn vị' })).toHaveAttribute('href', '/admin/units');
  });

  it('shows the report that a refused import carries, and needs a file before checking', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'POST /api/units/import': (request) =>
        formOf(request).dryRun === 'true'
          ? json(aUnitImportReport({ created: 3 }))
          : json(
              {
                statusCode: 400,
                code: 'UNIT_IMPORT.INVALID',
                message: 'Tệp có 1 lỗi nên chưa có đơn vị nào được nhập.',
                ...aUnitImportReport({ dryRun: false, errors: [{ line: 3, message: 'Đơn vị này đã có ở dòng 2.' }] }),
              },
              400,
            ),
    });
    renderApp('/admin/units/import');
    fireEvent.click(await screen.findByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));
    expect(screen.getByText('Vui lòng chọn tệp.')).toBeInTheDocument();
    expect(posts(requests)).toHaveLength(0);

    choose('don-vi.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nhập 3 đơn vị' }));
    expect(await screen.findByText('Đơn vị này đã có ở dòng 2.')).toBeInTheDocument();
    expect(screen.getByText('Dòng 3')).toBeInTheDocument();
  });

  it('offers an empty template with the three headers the server reads', async () => {
    const bytes = new Uint8Array(await unitImportTemplate().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Tên đơn vị,Đơn vị cấp trên,Số đoàn viên\r\n');

    const createObjectURL = vi.fn((_blob: Blob) => 'blob:template');
    class FakeUrl extends URL {
      static override createObjectURL = createObjectURL;
      static override revokeObjectURL = vi.fn();
    }
    vi.stubGlobal('URL', FakeUrl);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    mockFetch({ ...signIn(organizer) });
    renderApp('/admin/units/import');
    fireEvent.click(await screen.findByRole('button', { name: 'Tải tệp mẫu (CSV)' }));
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click).toHaveBeenCalled();
  });
});
