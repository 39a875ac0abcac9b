import type { ImportResponse, TopicResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { organizer, signIn } from '../../../test/builders';
import { json, mockFetch, type MockRequest } from '../../../test/fetch-mock';
import { renderApp, renderWithProviders } from '../../../test/render-app';
import { ImportReport } from './import-report';

const topics: TopicResponse[] = [{ id: 't-law', name: 'Luật Bầu cử', parentId: null }];

const report = (overrides: Partial<ImportResponse> = {}): ImportResponse => ({ dryRun: true, created: 0, errors: [], skipped: [], duplicates: [], ...overrides });

const formOf = (request: MockRequest | undefined) => {
  const form = request?.body;
  if (!(form instanceof FormData)) throw new Error('not a multipart request');
  return Object.fromEntries([...form.entries()].map(([key, value]) => [key, value instanceof File ? value.name : value]));
};

describe('import report', () => {
  it('lists every problem with its line (and column), in file order', () => {
    renderWithProviders(
      <ImportReport
        report={report({
          errors: [
            { line: 12, code: 'IMPORT.AIKEN_ANSWER_UNKNOWN', message: 'Đáp án "E" không có trong các phương án A–D.' },
            { line: 3, column: 'K', code: 'IMPORT.KEY_MISSING', message: 'Thiếu đáp án.' },
          ],
          skipped: [{ line: 20, code: 'IMPORT.GIFT_ESSAY', message: 'Câu tự luận không được hỗ trợ.' }],
        })}
      />,
    );

    expect(screen.getByRole('heading', { name: 'Kết quả kiểm tra' })).toBeInTheDocument();
    expect(screen.getByText('Tệp có 2 lỗi nên chưa câu hỏi nào được nhập. Hãy sửa các dòng dưới đây rồi kiểm tra lại.')).toBeInTheDocument();
    const errors = within(screen.getByText('Lỗi cần sửa').parentElement!).getAllByRole('listitem');
    expect(errors.map((item) => item.textContent)).toEqual(['Dòng 3, cột KThiếu đáp án.', 'Dòng 12Đáp án "E" không có trong các phương án A–D.']);
    expect(within(screen.getByText('Bỏ qua (loại câu hỏi không hỗ trợ)').parentElement!).getByRole('listitem')).toHaveTextContent('Dòng 20Câu tự luận không được hỗ trợ.');
    expect(screen.getByText('Lỗi').nextElementSibling).toHaveTextContent('2');
    expect(screen.getByText('Bỏ qua').nextElementSibling).toHaveTextContent('1');
  });

  it('says how many a clean dry run would create, and how many a real import did', () => {
    const { rerender } = renderWithProviders(<ImportReport report={report({ created: 14 })} />);
    expect(screen.getByText('Tệp hợp lệ: 14 câu hỏi sẵn sàng để nhập. Chưa có gì được lưu.')).toBeInTheDocument();
    expect(screen.getByText('Sẽ nhập').nextElementSibling).toHaveTextContent('14');
    rerender(<ImportReport report={report({ dryRun: false, created: 14 })} />);
    expect(screen.getByRole('heading', { name: 'Kết quả nhập' })).toBeInTheDocument();
    expect(screen.getByText('Đã nhập 14 câu hỏi vào ngân hàng.')).toBeInTheDocument();
  });
});

describe('import page', () => {
  it('runs a dry run first, shows its report, then imports for real', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/topics': () => json(topics),
      'POST /api/questions/import': (request) =>
        formOf(request).dryRun === 'true'
          ? json(report({ created: 13, duplicates: [{ line: 5, code: 'IMPORT.DUPLICATE', message: 'Trùng với câu đã có: "Công dân đủ…"' }] }))
          : json(report({ dryRun: false, created: 13 }), 201),
    });
    renderApp('/admin/questions/import?topicId=t-law');
    await screen.findByRole('option', { name: 'Luật Bầu cử' });

    fireEvent.change(screen.getByLabelText('Tệp câu hỏi'), { target: { files: [new File(['…'], 'ngan-hang.csv', { type: 'text/csv' })] } });
    expect(screen.getByLabelText('Định dạng tệp')).toHaveValue('csv');
    expect(screen.queryByRole('button', { name: /^Nhập \d+ câu hỏi$/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));

    expect(await screen.findByText('Tệp hợp lệ: 13 câu hỏi sẵn sàng để nhập. Chưa có gì được lưu.')).toBeInTheDocument();
    expect(screen.getByText('Dòng 5')).toBeInTheDocument();
    expect(formOf(requests.filter((request) => request.method === 'POST').at(-1))).toEqual({ format: 'csv', topicId: 't-law', dryRun: 'true', allowDuplicates: 'false', file: 'ngan-hang.csv' });

    fireEvent.click(screen.getByRole('button', { name: 'Nhập 13 câu hỏi' }));
    expect(await screen.findByText('Đã nhập 13 câu hỏi vào ngân hàng.')).toBeInTheDocument();
    expect(formOf(requests.filter((request) => request.method === 'POST').at(-1))).toMatchObject({ dryRun: 'false' });
    expect(screen.getByRole('link', { name: 'Xem các câu hỏi của chủ đề' })).toHaveAttribute('href', '/admin/questions?topicId=t-law');
  });

  it('asks for a new dry run when the file changes, and shows the report a refused import carries', async () => {
    let dryRuns = 0;
    mockFetch({
      ...signIn(organizer),
      'GET /api/topics': () => json(topics),
      'POST /api/questions/import': (request) => {
        if (formOf(request).dryRun === 'true') {
          dryRuns += 1;
          return json(report({ created: 2 }));
        }
        // Something changed on the server between the dry run and the import.
        return json(
          {
            statusCode: 400,
            code: 'IMPORT.INVALID',
            message: 'Tệp có 1 lỗi nên chưa có câu hỏi nào được nhập.',
            ...report({ dryRun: false, errors: [{ line: 7, code: 'IMPORT.OPTION_EMPTY', message: 'Phương án C để trống.' }] }),
          },
          400,
        );
      },
    });
    renderApp('/admin/questions/import?topicId=t-law');
    await screen.findByRole('option', { name: 'Luật Bầu cử' });

    const choose = (name: string) => {
      fireEvent.change(screen.getByLabelText('Tệp câu hỏi'), { target: { files: [new File(['…'], name)] } });
    };
    choose('a.xlsx');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));
    await screen.findByRole('button', { name: 'Nhập 2 câu hỏi' });
    choose('b.xlsx');
    expect(screen.queryByRole('button', { name: 'Nhập 2 câu hỏi' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Kết quả kiểm tra' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Nhập 2 câu hỏi' }));
    expect(await screen.findByText('Phương án C để trống.')).toBeInTheDocument();
    expect(screen.getByText('Dòng 7')).toBeInTheDocument();
    expect(dryRuns).toBe(2);
  });

  it('needs a topic and a file before checking', async () => {
    const { requests } = mockFetch({ ...signIn(organizer), 'GET /api/topics': () => json(topics) });
    renderApp('/admin/questions/import');
    await screen.findByRole('option', { name: 'Luật Bầu cử' });

    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp (chạy thử)' }));

    expect(screen.getByLabelText('Nhập vào chủ đề')).toHaveAccessibleDescription(/Vui lòng chọn chủ đề\./);
    expect(screen.getByText('Vui lòng chọn tệp.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });
});
