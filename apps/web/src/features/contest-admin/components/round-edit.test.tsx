import type { RoundResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aContest, aRound, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const { contestTitle: _c, contestStatus: _s, me: _m, ...baseRound } = aRound({
  id: 'r1',
  title: 'Tuần 1',
  phase: 'upcoming',
  // 14:00 and a week later, Vietnam time.
  opensAt: '2026-12-10T07:00:00.000Z',
  closesAt: '2026-12-17T07:00:00.000Z',
  blueprint: [{ topicId: 't-law', count: 10, points: 0.5 }],
  timeLimitSeconds: 1200,
  maxAttempts: 3,
  predictionQuestion: null,
  predictionActual: null,
});
const upcoming: RoundResponse = baseRound;
const open: RoundResponse = { ...baseRound, phase: 'open', opensAt: '2026-11-26T07:00:00.000Z', closesAt: '2026-12-03T07:00:00.000Z' };
const closed: RoundResponse = { ...baseRound, id: 'r0', title: 'Tuần 0', phase: 'closed' };

function builder(rounds: RoundResponse[], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...signIn(organizer),
    'GET /api/contests/c1': () => json(aContest({ status: 'published', rounds })),
    'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
    'GET /api/topics': () => json([{ id: 't-law', name: 'Luật Bầu cử', parentId: null }]),
    'GET /api/questions/availability': () => json({ items: [{ topicId: 't-law', difficulty: 'easy', count: 50 }] }),
    ...extra,
  });
}

const editForm = () => screen.getByRole('form', { name: 'Sửa vòng thi “Tuần 1”' });

describe('editing a round', () => {
  it('before it opens: the creation form, filled in, every field editable, saved with PATCH', async () => {
    const { requests } = builder([upcoming], { 'PATCH /api/rounds/r1': () => json({ ...upcoming, timeLimitSeconds: 900 }) });
    renderApp('/admin/contests/c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa vòng thi Tuần 1' }));

    const form = within(editForm());
    expect(form.getByLabelText('Tên vòng thi')).toHaveValue('Tuần 1');
    expect(form.getByLabelText('Mở lúc')).toHaveValue('2026-12-10T14:00');
    expect(form.getByLabelText('Mở lúc')).toHaveAccessibleDescription('Theo giờ Việt Nam (GMT+7).');
    expect(form.getByLabelText('Đóng lúc')).toHaveValue('2026-12-17T14:00');
    expect(form.getByLabelText('Thời gian làm bài (phút)')).toHaveValue('20');
    expect(form.getByLabelText('Thời gian làm bài (phút)')).toBeEnabled();
    expect(form.getByLabelText('Chủ đề')).toHaveValue('t-law');
    expect(form.getByLabelText('Điểm mỗi câu')).toHaveValue('0,5');

    fireEvent.change(form.getByLabelText('Thời gian làm bài (phút)'), { target: { value: '15' } });
    fireEvent.change(form.getByLabelText('Mở lúc'), { target: { value: '2026-12-11T08:00' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByText('Đã lưu vòng thi “Tuần 1”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      title: 'Tuần 1',
      opensAt: '2026-12-11T01:00:00.000Z',
      closesAt: '2026-12-17T07:00:00.000Z',
      timeLimitSeconds: 900,
      maxAttempts: 3,
      blueprint: [{ topicId: 't-law', count: 10, points: 0.5 }],
      shuffleQuestions: true,
      shuffleOptions: true,
      gradingMode: 'all_or_nothing',
      reviewAfter: 'close',
      freezeMinutes: 30,
    });
    expect(screen.queryByRole('form', { name: 'Sửa vòng thi “Tuần 1”' })).not.toBeInTheDocument();
  });

  it('once open: only the title and a later close; the rest shown but locked, with the reason', async () => {
    const { requests } = builder([open], { 'PATCH /api/rounds/r1': () => json({ ...open, title: 'Tuần 1 (gia hạn)' }) });
    renderApp('/admin/contests/c1');
    expect(await screen.findByText('Vòng thi đang mở: chỉ sửa được tên và lùi thời gian đóng; không xoá được.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xoá vòng thi Tuần 1' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa vòng thi Tuần 1' }));

    const form = within(editForm());
    expect(form.getByText(/^Vòng thi đã mở: chỉ còn đổi được tên và lùi thời gian đóng/)).toBeInTheDocument();
    expect(form.getByLabelText('Mở lúc')).toBeDisabled();
    expect(form.getByLabelText('Thời gian làm bài (phút)')).toBeDisabled();
    expect(form.getByLabelText('Chủ đề')).toBeDisabled();
    expect(form.getByLabelText('Tên vòng thi')).toBeEnabled();
    expect(form.getByLabelText('Đóng lúc')).toBeEnabled();
    expect(form.getByLabelText('Đóng lúc')).toHaveAccessibleDescription('Theo giờ Việt Nam. Chỉ có thể lùi lại sau 03/12/2026 14:00.');

    fireEvent.change(form.getByLabelText('Đóng lúc'), { target: { value: '2026-12-02T14:00' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(form.getByLabelText('Đóng lúc')).toHaveAccessibleDescription(/Vòng thi đã mở: thời gian đóng chỉ có thể lùi lại, không thể sớm hơn\./);
    expect(requests.some((request) => request.method === 'PATCH')).toBe(false);

    fireEvent.change(form.getByLabelText('Tên vòng thi'), { target: { value: 'Tuần 1 (gia hạn)' } });
    fireEvent.change(form.getByLabelText('Đóng lúc'), { target: { value: '2026-12-05T20:00' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByText('Đã lưu vòng thi “Tuần 1 (gia hạn)”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ title: 'Tuần 1 (gia hạn)', closesAt: '2026-12-05T13:00:00.000Z' });
  });

  it('shows the server\'s field errors beside the fields, and ROUND.LOCKED in words', async () => {
    let calls = 0;
    builder([open], {
      'PATCH /api/rounds/r1': () => {
        calls += 1;
        return calls === 1
          ? json({ statusCode: 400, code: 'VALIDATION', message: 'Dữ liệu gửi lên không hợp lệ.', details: [{ field: 'closesAt', message: 'Vòng thi đã mở: thời gian đóng chỉ có thể lùi lại, không thể sớm hơn.' }] }, 400)
          : json({ statusCode: 409, code: 'ROUND.LOCKED', message: 'ROUND.LOCKED' }, 409);
      },
    });
    renderApp('/admin/contests/c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa vòng thi Tuần 1' }));
    const form = within(editForm());
    fireEvent.change(form.getByLabelText('Đóng lúc'), { target: { value: '2026-12-05T20:00' } });
    fireEvent.click(form.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await form.findByText('Vòng thi đã mở: thời gian đóng chỉ có thể lùi lại, không thể sớm hơn.')).toBeInTheDocument();

    fireEvent.click(form.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await form.findByText('Vòng thi đã mở, đã kết thúc hoặc đã có người làm bài nên không thay đổi hay xoá được như vậy.')).toBeInTheDocument();
  });

  it('offers neither edit nor delete for a closed round', async () => {
    builder([closed]);
    renderApp('/admin/contests/c1');
    expect(await screen.findByRole('heading', { name: 'Tuần 0' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sửa vòng thi Tuần 0' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xoá vòng thi Tuần 0' })).not.toBeInTheDocument();
  });
});

describe('deleting a round', () => {
  it('deletes an upcoming round after confirming', async () => {
    let rounds = [upcoming];
    const { requests } = builder([], {
      'GET /api/contests/c1': () => json(aContest({ status: 'published', rounds })),
      'DELETE /api/rounds/r1': () => {
        rounds = [];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/admin/contests/c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Xoá vòng thi Tuần 1' }));
    const dialog = screen.getByRole('dialog', { name: 'Xoá vòng thi “Tuần 1”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xoá vòng thi' }));

    expect(await screen.findByText('Đã xoá vòng thi “Tuần 1”.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => request.url.pathname)).toEqual(['/api/rounds/r1']);
    expect(await screen.findByRole('heading', { name: 'Các vòng thi (0)' })).toBeInTheDocument();
  });

  it('says why a round that someone started meanwhile cannot be deleted', async () => {
    builder([upcoming], { 'DELETE /api/rounds/r1': () => json({ statusCode: 409, code: 'ROUND.LOCKED', message: 'ROUND.LOCKED' }, 409) });
    renderApp('/admin/contests/c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Xoá vòng thi Tuần 1' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Xoá vòng thi' }));
    expect(await screen.findByText('Không xoá được vòng thi.')).toBeInTheDocument();
    expect(screen.getByText('Vòng thi đã mở, đã kết thúc hoặc đã có người làm bài nên không thay đổi hay xoá được như vậy.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('an essay round: the prompt is edited before it opens, and emptied as null', async () => {
    const essay: RoundResponse = {
      ...baseRound,
      kind: 'essay',
      blueprint: null,
      timeLimitSeconds: null,
      maxAttempts: null,
      questionCount: null,
      prompt: 'Kể về một người lao động.',
      rubric: [{ name: 'Nội dung', maxPoints: 60, weight: 1 }],
      judgesPerEntry: 2,
    };
    const { requests } = mockFetch({
      ...signIn(organizer),
      'GET /api/contests/c1': () => json(aContest({ kind: 'essay', status: 'published', rounds: [essay] })),
      'GET /api/contests/c1/managers': () => json([{ id: organizer.id, fullName: organizer.fullName, email: organizer.email }]),
      'GET /api/topics': () => json([]),
      'GET /api/questions/availability': () => json({ items: [] }),
      'PATCH /api/rounds/r1': () => json({ ...essay, prompt: null }),
    });
    renderApp('/admin/contests/c1');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa vòng thi Tuần 1' }));

    const prompt = within(editForm()).getByLabelText('Đề bài (không bắt buộc)');
    expect(prompt).toHaveValue('Kể về một người lao động.');
    fireEvent.change(prompt, { target: { value: '   ' } });
    fireEvent.click(within(editForm()).getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByText('Đã lưu vòng thi “Tuần 1”.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toMatchObject({ prompt: null, judgesPerEntry: 2 });
  });
});
