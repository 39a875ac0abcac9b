import type { JudgeAssignmentResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { judge, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';
import { stepScore, weightedTotal } from './rubric-score';

const rubric = [
  { name: 'Nội dung', maxPoints: 60, weight: 1 },
  { name: 'Hình thức', maxPoints: 40, weight: 0.5 },
];

function anAssignment(overrides: Partial<JudgeAssignmentResponse> = {}): JudgeAssignmentResponse {
  return {
    id: 'a1',
    roundId: 'r1',
    entryCode: 'BV-0042',
    title: 'Người thợ hàn ở cảng Đà Nẵng',
    body: 'Anh Tư làm thợ hàn đã hai mươi năm.\nMỗi sáng anh đến cảng từ sớm.',
    wordCount: 16,
    prompt: null,
    rubric,
    status: 'pending',
    attachment: null,
    locked: false,
    ...overrides,
  };
}

const total = () => screen.getByText(/^\d+(,\d+)? \/ 80$/);

describe('rubric score', () => {
  it('adds points × weight over the criteria typed so far', () => {
    expect(weightedTotal(rubric, { 'Nội dung': '50,25', 'Hình thức': '30' })).toEqual({ total: 65.25, max: 80, complete: true });
    expect(weightedTotal(rubric, { 'Nội dung': '50,3' })).toEqual({ total: 0, max: 80, complete: false });
  });

  it('steps by a quarter within the range, snapping an off-step value first', () => {
    expect(stepScore('7', 10, 1)).toBe(7.25);
    expect(stepScore('7,1', 10, 1)).toBe(7.25);
    expect(stepScore('7,1', 10, -1)).toBe(7);
    expect(stepScore('', 10, -1)).toBe(0);
    expect(stepScore('10', 10, 1)).toBe(10);
  });
});

describe('judge entry page', () => {
  it('shows the entry by its code, never its author, and totals the rubric live', async () => {
    const { requests } = mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment()),
      'GET /api/judging/assignments': () => json([anAssignment(), anAssignment({ id: 'a2', entryCode: 'BV-0043' })]),
      'GET /api/judging/assignments/a2': () => json(anAssignment({ id: 'a2', entryCode: 'BV-0043', title: 'Mùa lúa mới' })),
      'PUT /api/judging/assignments/a1': () =>
        json(anAssignment({ status: 'scored', scores: [{ criterion: 'Nội dung', points: 50.25 }, { criterion: 'Hình thức', points: 30 }], total: 65.25, comment: 'Giàu cảm xúc.', scoredAt: '2026-12-05T02:00:00.000Z' })),
    });
    renderApp('/judging/a1');

    expect(await screen.findByRole('heading', { name: 'Người thợ hàn ở cảng Đà Nẵng' })).toBeInTheDocument();
    expect(screen.getByText('BV-0042')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Nội dung bài BV-0042' })).toHaveTextContent('Anh Tư làm thợ hàn đã hai mươi năm.');
    expect(total()).toHaveTextContent('0 / 80');

    fireEvent.change(screen.getByLabelText('Nội dung'), { target: { value: '50' } });
    expect(total()).toHaveTextContent('50 / 80');
    fireEvent.click(screen.getByRole('button', { name: 'Tăng điểm Nội dung' }));
    expect(screen.getByLabelText('Nội dung')).toHaveValue('50,25');
    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: '30,1' } });
    expect(screen.getByText('(chưa chấm đủ tiêu chí)')).toBeInTheDocument();
    expect(total()).toHaveTextContent('50,25 / 80');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    expect(screen.getByLabelText('Hình thức')).toHaveAccessibleDescription('Tối đa 40 điểm · hệ số 0,5 Điểm chấm theo bước 0,25 (ví dụ 7; 7,25; 7,5; 7,75).');
    expect(screen.getByLabelText('Hình thức')).toHaveFocus();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);

    fireEvent.keyDown(screen.getByLabelText('Hình thức'), { key: 'ArrowDown' });
    expect(screen.getByLabelText('Hình thức')).toHaveValue('30');
    expect(total()).toHaveTextContent('65,25 / 80');
    fireEvent.change(screen.getByLabelText('Nhận xét (không bắt buộc)'), { target: { value: ' Giàu cảm xúc. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm' }));

    expect(await screen.findByText(/^Đã lưu điểm lúc/)).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      scores: [
        { criterion: 'Nội dung', points: 50.25 },
        { criterion: 'Hình thức', points: 30 },
      ],
      comment: 'Giàu cảm xúc.',
    });
    expect(screen.queryByText(/Nguyễn|tác giả:/i)).not.toBeInTheDocument();

    // The next entry starts clean: no saved notice, no scores of the last one.
    fireEvent.click(await screen.findByRole('link', { name: 'Chấm bài tiếp theo (BV-0043)' }));
    expect(await screen.findByRole('heading', { name: 'Mùa lúa mới' })).toBeInTheDocument();
    expect(screen.queryByText(/^Đã lưu điểm lúc/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Nội dung')).toHaveValue('');
  });

  it('shows the round’s prompt and offers the next unscored entry after this one', async () => {
    const scored = () => anAssignment({ status: 'scored', scores: [{ criterion: 'Nội dung', points: 50 }, { criterion: 'Hình thức', points: 30 }], total: 65, scoredAt: '2026-12-05T02:00:00.000Z' });
    let list = [anAssignment({ id: 'a0', entryCode: 'BV-0041' }), anAssignment(), anAssignment({ id: 'a2', entryCode: 'BV-0043', status: 'scored' }), anAssignment({ id: 'a3', entryCode: 'BV-0044' })];
    mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment({ prompt: 'Viết về một người lao động\nbạn quý trọng.' })),
      'GET /api/judging/assignments': () => json(list),
      'PUT /api/judging/assignments/a1': () => {
        list = list.map((item) => (item.id === 'a1' ? scored() : item));
        return json(scored());
      },
    });
    renderApp('/judging/a1');

    const prompt = await screen.findByRole('region', { name: 'Đề bài' });
    expect(prompt).toHaveTextContent('Viết về một người lao động bạn quý trọng.');
    fireEvent.change(screen.getByLabelText('Nội dung'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    // After a1 the list goes on with a3 (a2 is scored), not back to a0.
    expect(await screen.findByRole('link', { name: 'Chấm bài tiếp theo (BV-0044)' })).toHaveAttribute('href', '/judging/a3');
  });

  it('says so when no entry is left to score', async () => {
    const scored = () => anAssignment({ status: 'scored', scores: [{ criterion: 'Nội dung', points: 50 }, { criterion: 'Hình thức', points: 30 }], total: 65, scoredAt: '2026-12-05T02:00:00.000Z' });
    const list = [scored()];
    mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment()),
      'GET /api/judging/assignments': () => json(list),
      'PUT /api/judging/assignments/a1': () => json(scored()),
    });
    renderApp('/judging/a1');
    fireEvent.change(await screen.findByLabelText('Nội dung'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Hình thức'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    expect(await screen.findByText('Bạn đã chấm hết các bài được phân công.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về danh sách bài' })).toHaveAttribute('href', '/judging');
    expect(screen.queryByRole('link', { name: /Chấm bài tiếp theo/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Đề bài' })).not.toBeInTheDocument();
  });

  it('puts the server’s rubric errors on their criterion, and is read-only once locked', async () => {
    mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment({ scores: [{ criterion: 'Nội dung', points: 40 }, { criterion: 'Hình thức', points: 20 }] })),
      'GET /api/judging/assignments': () => json([anAssignment()]),
      'PUT /api/judging/assignments/a1': () =>
        json(
          {
            statusCode: 400,
            code: 'ESSAY.RUBRIC_SCORE_INVALID',
            message: 'Điểm chấm chưa đúng tiêu chí (1 lỗi).',
            details: [{ field: 'scores.1.points', message: 'Điểm "Hình thức" phải từ 0 đến 40.' }],
          },
          400,
        ),
    });
    renderApp('/judging/a1');

    expect(await screen.findByLabelText('Nội dung')).toHaveValue('40');
    expect(total()).toHaveTextContent('50 / 80');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    expect(await screen.findByText('Điểm "Hình thức" phải từ 0 đến 40.')).toBeInTheDocument();
    expect(screen.getByLabelText('Hình thức')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Điểm chấm chưa đúng tiêu chí (1 lỗi).');
  });

  it('shows a locked assignment read-only', async () => {
    mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment({ locked: true, status: 'scored', scores: [{ criterion: 'Nội dung', points: 40 }, { criterion: 'Hình thức', points: 20 }], total: 50 })),
      'GET /api/judging/assignments': () => json([]),
    });
    renderApp('/judging/a1');

    expect(await screen.findByText('Ban tổ chức đã khoá việc chấm; điểm không sửa được nữa.')).toBeInTheDocument();
    expect(screen.getByLabelText('Nội dung')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Lưu điểm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Báo xung đột lợi ích' })).not.toBeInTheDocument();
  });

  it('lists the assignments with the progress, the ones to score first', async () => {
    mockFetch({
      ...signIn(judge),
      'GET /api/contests': () => json({ items: [], total: 0 }),
      'GET /api/judging/assignments': () =>
        json([anAssignment({ id: 'a0', entryCode: 'BV-0041', status: 'scored', total: 61.5 }), anAssignment(), anAssignment({ id: 'a2', entryCode: 'BV-0043' })]),
    });
    renderApp('/');

    fireEvent.click(await screen.findByRole('link', { name: 'Chấm bài' }));
    expect(await screen.findByText('1/3 bài đã chấm')).toBeInTheDocument();
    const links = within(screen.getByRole('list')).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/judging/a1', '/judging/a2', '/judging/a0']);
    expect(links[2]).toHaveTextContent('61,5 điểm');
  });

  it('moves the entry to another judge when the judge declares a conflict', async () => {
    const { requests } = mockFetch({
      ...signIn(judge),
      'GET /api/judging/assignments/a1': () => json(anAssignment()),
      'GET /api/judging/assignments': () => json([]),
      'POST /api/judging/assignments/a1/conflict': () => json({ id: 'a1', status: 'conflict' }),
    });
    const { router } = renderApp('/judging/a1');

    fireEvent.click(await screen.findByRole('button', { name: 'Báo xung đột lợi ích' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Báo xung đột lợi ích?' })).getByRole('button', { name: 'Báo xung đột lợi ích' }));

    expect(await screen.findByText('Đã báo xung đột với bài BV-0042; bài đã chuyển cho giám khảo khác.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/judging');
    expect(requests.some((request) => request.url.pathname.endsWith('/conflict'))).toBe(true);
  });
});
