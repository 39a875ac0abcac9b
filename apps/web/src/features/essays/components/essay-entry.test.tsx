import { countWords } from '@hoi-thi/contest-engine';
import type { EntryResponse, RoundDetailResponse } from '@hoi-thi/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aRound, roundId, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const essayRound = (overrides: Partial<RoundDetailResponse> = {}) =>
  aRound({
    kind: 'essay',
    title: 'Viết về người lao động',
    timeLimitSeconds: null,
    maxAttempts: null,
    questionCount: null,
    predictionQuestion: null,
    predictionActual: null,
    rubric: [{ name: 'Nội dung', maxPoints: 60, weight: 1 }],
    judgesPerEntry: 2,
    minWords: 5,
    maxWords: 8,
    me: null,
    ...overrides,
  });

const entry = (overrides: Partial<EntryResponse> = {}): EntryResponse => ({
  id: 'e1',
  roundId,
  code: 'BV-0007',
  title: 'Người thợ hàn',
  body: 'Anh Tư làm thợ hàn hai mươi năm',
  wordCount: 7,
  submittedAt: '2026-11-27T02:00:00.000Z',
  updatedAt: '2026-11-27T02:00:00.000Z',
  attachment: null,
  editable: true,
  shortlistedFromEntryId: null,
  ...overrides,
});

describe('word count', () => {
  it('counts like the server: Vietnamese syllables are words, a lone dash is not', () => {
    expect(countWords('Công đoàn cơ sở — nơi   người lao động\ngửi gắm niềm tin.')).toBe(12);
    expect(countWords('  ')).toBe(0);
  });
});

describe('essay entry on the round page', () => {
  it('counts the words live against the limits and submits the entry', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(essayRound()),
      [`GET /api/rounds/${roundId}/entries/mine`]: () => json({ items: [], total: 0 }),
      [`POST /api/rounds/${roundId}/entries`]: () => json(entry(), 201),
    });
    renderApp(`/rounds/${roundId}`);

    const body = await screen.findByLabelText('Nội dung bài viết');
    expect(body).toHaveAccessibleDescription(/Từ 5 đến 8 chữ\./);
    expect(screen.getByRole('region', { name: 'Thể lệ' })).toHaveTextContent('Nội dung: tối đa 60 điểm');
    fireEvent.change(screen.getByLabelText('Tên bài viết'), { target: { value: 'Người thợ hàn' } });
    fireEvent.change(body, { target: { value: 'Anh Tư làm thợ' } });
    expect(screen.getByText('4 chữ — chưa đủ số chữ tối thiểu')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Nộp bài' }));
    expect(body).toHaveAccessibleDescription(/Bài viết có 4 chữ, cần ít nhất 5 chữ\./);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(body, { target: { value: 'Anh Tư làm thợ hàn hai mươi năm liền nay' } });
    expect(screen.getByText('10 chữ — vượt số chữ tối đa')).toBeInTheDocument();
    fireEvent.change(body, { target: { value: 'Anh Tư làm thợ hàn hai mươi năm' } });
    expect(screen.getByText('8 chữ')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Nộp bài' }));

    expect(await screen.findByText(/^Đã lưu bài BV-0007 lúc/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Bài dự thi BV-0007' })).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ title: 'Người thợ hàn', body: 'Anh Tư làm thợ hàn hai mươi năm' });
    // The attachment can be added once the entry exists.
    expect(screen.getByLabelText('Chọn tệp để tải lên')).toBeInTheDocument();
  });

  it('edits the member’s entry and uploads an attachment', async () => {
    const { requests } = mockFetch({
      ...signIn(),
      [`GET /api/rounds/${roundId}`]: () => json(essayRound()),
      [`GET /api/rounds/${roundId}/entries/mine`]: () => json({ items: [entry()], total: 1 }),
      'PUT /api/entries/e1': () => json(entry({ title: 'Người thợ hàn ở cảng' })),
      'PUT /api/entries/e1/attachment': () => json(entry({ attachment: { kind: 'pdf', size: 2_400_000, fileName: 'bai-viet.pdf', uploadedAt: '2026-11-27T03:00:00.000Z' } })),
    });
    renderApp(`/rounds/${roundId}`);

    const title = await screen.findByLabelText('Tên bài viết');
    expect(title).toHaveValue('Người thợ hàn');
    fireEvent.change(title, { target: { value: 'Người thợ hàn ở cảng' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText(/^Đã lưu bài BV-0007/)).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ title: 'Người thợ hàn ở cảng', body: 'Anh Tư làm thợ hàn hai mươi năm' });

    fireEvent.change(screen.getByLabelText('Chọn tệp để tải lên'), { target: { files: [new File(['%PDF'], 'bai-viet.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('Tệp hiện tại: bai-viet.pdf (2,3 MB)')).toBeInTheDocument();
    const upload = requests.find((request) => request.url.pathname.endsWith('/attachment'));
    expect(upload?.body).toBeInstanceOf(FormData);
    expect((upload?.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('shows the prompt above the entry, even to a visitor who is not signed in', async () => {
    mockFetch({
      [`GET /api/rounds/${roundId}`]: () => json(essayRound({ prompt: 'Kể về một người lao động\nmà bạn quý trọng.' })),
    });
    renderApp(`/rounds/${roundId}`);

    const prompt = await screen.findByRole('region', { name: 'Đề bài' });
    expect(prompt).toHaveTextContent('Kể về một người lao động mà bạn quý trọng.');
    expect(screen.getByRole('link', { name: 'Đăng nhập để nộp bài' })).toBeInTheDocument();
  });

  it('shows no prompt section when the round has none', async () => {
    mockFetch({ [`GET /api/rounds/${roundId}`]: () => json(essayRound()) });
    renderApp(`/rounds/${roundId}`);

    expect(await screen.findByRole('link', { name: 'Đăng nhập để nộp bài' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Đề bài' })).not.toBeInTheDocument();
  });
});
