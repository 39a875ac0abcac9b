import type { QuestionResponse, TopicResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const topics: TopicResponse[] = [
  { id: 't-law', name: 'Luật Bầu cử', parentId: null },
  { id: 't-law-2', name: 'Nguyên tắc bầu cử', parentId: 't-law' },
];

const options = () => screen.getByRole('group', { name: 'Phương án trả lời' });
const optionInput = (letter: string) => screen.getByLabelText(`Phương án ${letter}`, { exact: true });

function renderEditor(extra: Record<string, Parameters<typeof mockFetch>[0][string]> = {}) {
  const mocked = mockFetch({ ...signIn(organizer), 'GET /api/topics': () => json(topics), ...extra });
  const view = renderApp('/admin/questions/new?topicId=t-law');
  return { ...mocked, ...view };
}

describe('question editor', () => {
  it('shows the rule of each type and keeps the answer key to it', async () => {
    renderEditor();
    await screen.findByRole('heading', { name: 'Thêm câu hỏi' });
    expect(screen.getByLabelText('Chủ đề')).toHaveValue('t-law');
    expect(within(screen.getByLabelText('Chủ đề')).getByRole('option', { name: 'Luật Bầu cử › Nguyên tắc bầu cử' })).toBeInTheDocument();

    // Single: radio buttons, one correct.
    expect(screen.getByText('Một đáp án: đánh dấu đúng một phương án đúng.')).toBeInTheDocument();
    expect(screen.getByText('Câu một đáp án cần đúng một phương án được đánh dấu đúng.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Phương án B là đáp án đúng' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Phương án C là đáp án đúng' }));
    expect(screen.getByRole('radio', { name: 'Phương án B là đáp án đúng' })).not.toBeChecked();
    expect(screen.queryByText('Câu một đáp án cần đúng một phương án được đánh dấu đúng.')).not.toBeInTheDocument();

    // Multiple: check boxes, several correct; none is a problem.
    fireEvent.click(screen.getByRole('radio', { name: 'Nhiều đáp án' }));
    expect(screen.getByText('Nhiều đáp án: đánh dấu một hoặc nhiều phương án đúng.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Phương án A là đáp án đúng' }));
    expect(screen.getByRole('checkbox', { name: 'Phương án A là đáp án đúng' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Phương án C là đáp án đúng' })).toBeChecked();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Phương án A là đáp án đúng' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Phương án C là đáp án đúng' }));
    expect(screen.getByText('Cần đánh dấu ít nhất một phương án đúng.')).toBeInTheDocument();

    // Up to 8 options, at least 2.
    for (let i = 0; i < 4; i += 1) fireEvent.click(screen.getByRole('button', { name: 'Thêm phương án' }));
    expect(within(options()).getAllByRole('listitem')).toHaveLength(8);
    expect(screen.queryByRole('button', { name: 'Thêm phương án' })).not.toBeInTheDocument();
    for (const letter of ['H', 'G', 'F', 'E', 'D', 'C']) fireEvent.click(screen.getByRole('button', { name: `Xoá phương án ${letter}` }));
    expect(within(options()).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^Xoá phương án/ })).not.toBeInTheDocument();

    // True/False: two rows named Đúng and Sai, one correct, nothing to add or remove.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Phương án B là đáp án đúng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm phương án' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Đúng/Sai' }));
    expect(screen.getByText('Đúng/Sai: hai phương án, một phương án đúng.')).toBeInTheDocument();
    expect(optionInput('A')).toHaveValue('Đúng');
    expect(optionInput('B')).toHaveValue('Sai');
    expect(screen.getByRole('radio', { name: 'Phương án B là đáp án đúng' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Thêm phương án' })).not.toBeInTheDocument();
  });

  it('checks the form before sending, then shows the server’s field errors next to their fields', async () => {
    const { requests } = renderEditor({
      'POST /api/questions': () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION',
            message: 'Dữ liệu không hợp lệ.',
            details: [
              { field: 'options.1.text', message: 'Phương án 2 trùng với phương án 1.' },
              { field: 'points', message: 'Điểm phải từ 0 đến 100.' },
              { field: 'somethingElse', message: 'Một lỗi khác.' },
            ],
          },
          400,
        ),
    });
    await screen.findByRole('heading', { name: 'Thêm câu hỏi' });

    fireEvent.click(screen.getByRole('button', { name: 'Lưu câu hỏi' }));
    expect(screen.getByLabelText('Nội dung câu hỏi')).toHaveAccessibleDescription('Vui lòng nhập nội dung câu hỏi.');
    expect(optionInput('A')).toHaveAccessibleDescription('Phương án A chưa có nội dung.');
    expect(screen.getByLabelText('Nội dung câu hỏi')).toHaveFocus();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Nội dung câu hỏi'), { target: { value: '  Công dân đủ bao nhiêu tuổi thì được bầu cử? ' } });
    for (const [letter, text] of [['A', '18 tuổi'], ['B', '18 tuổi'], ['C', '20 tuổi'], ['D', '21 tuổi']] as const) {
      fireEvent.change(optionInput(letter), { target: { value: text } });
    }
    fireEvent.click(screen.getByRole('radio', { name: 'Phương án A là đáp án đúng' }));
    fireEvent.change(screen.getByLabelText('Điểm'), { target: { value: '1,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu câu hỏi' }));

    expect(await screen.findByText('Phương án 2 trùng với phương án 1.')).toBeInTheDocument();
    expect(optionInput('B')).toHaveAttribute('aria-invalid', 'true');
    expect(optionInput('B')).toHaveAccessibleDescription('Phương án 2 trùng với phương án 1.');
    expect(screen.getByLabelText('Điểm')).toHaveAccessibleDescription(/Điểm phải từ 0 đến 100\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Dữ liệu không hợp lệ.Một lỗi khác.');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      topicId: 't-law',
      type: 'single',
      text: 'Công dân đủ bao nhiêu tuổi thì được bầu cử?',
      options: [
        { text: '18 tuổi', correct: true },
        { text: '18 tuổi', correct: false },
        { text: '20 tuổi', correct: false },
        { text: '21 tuổi', correct: false },
      ],
      difficulty: 'medium',
      points: 1.5,
    });
  });

  it('saves a new version of an existing question, keeping option ids, and archives it', async () => {
    const question: QuestionResponse = {
      id: 'q1',
      version: 2,
      versionId: 'v2',
      topicId: 't-law',
      type: 'true_false',
      text: 'Cử tri có thể nhờ người khác bỏ phiếu thay.',
      options: [
        { id: 'o-t', text: 'Đúng', correct: false },
        { id: 'o-f', text: 'Sai', correct: true },
      ],
      difficulty: 'easy',
      points: 1,
      explanation: null,
      status: 'active',
      updatedAt: '2026-11-20T03:00:00.000Z',
    };
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/topics': () => json(topics),
      'GET /api/questions/q1': () => json(question),
      'PATCH /api/questions/q1': () => json({ ...question, version: 3, versionId: 'v3' }),
      'DELETE /api/questions/q1': () => json({ ...question, status: 'archived' }),
      'GET /api/questions': () => json({ items: [], total: 0 }),
    });
    const { router } = renderApp('/admin/questions/q1');

    expect(await screen.findByRole('heading', { name: 'Sửa câu hỏi' })).toBeInTheDocument();
    expect(screen.getByText(/Phiên bản 2, cập nhật lúc/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Phương án A là đáp án đúng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu phiên bản mới' }));

    expect(await screen.findByText('Đã lưu phiên bản 3.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toMatchObject({
      options: [
        { id: 'o-t', text: 'Đúng', correct: true },
        { id: 'o-f', text: 'Sai', correct: false },
      ],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Lưu trữ câu hỏi' }));
    const dialog = screen.getByRole('dialog', { name: 'Lưu trữ câu hỏi này?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu trữ câu hỏi' }));
    expect(await screen.findByRole('heading', { name: 'Ngân hàng câu hỏi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/questions');
    expect(requests.some((request) => request.method === 'DELETE')).toBe(true);
  });
});
