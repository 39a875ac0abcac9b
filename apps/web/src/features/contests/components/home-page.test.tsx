import type { ContestResponse, Page } from '@hoi-thi/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

function aContest(overrides: Partial<ContestResponse> = {}): ContestResponse {
  return {
    id: crypto.randomUUID(),
    title: 'Tìm hiểu Luật Bầu cử',
    description: null,
    kind: 'quiz',
    status: 'published',
    eligibleUnitIds: [],
    rounds: [],
    createdAt: '2026-03-01T00:00:00.000Z',
    publishedAt: '2026-03-02T00:00:00.000Z',
    managerIds: [],
    canManage: false,
    ...overrides,
  };
}

const page = (items: ContestResponse[], total = items.length): Page<ContestResponse> => ({ items, total });

describe('home page', () => {
  it('lists the published contests with their kind and description', async () => {
    const { requests } = mockFetch({
      'GET /api/contests': () =>
        json(
          page([
            aContest({ title: 'Tìm hiểu Nghị quyết Đại hội Công đoàn', description: '10 câu hỏi, 10 phút mỗi lượt.' }),
            aContest({ title: 'Viết về người lao động tiêu biểu', kind: 'essay' }),
          ]),
        ),
    });

    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Tìm hiểu Nghị quyết Đại hội Công đoàn' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Viết về người lao động tiêu biểu' })).toBeInTheDocument();
    expect(screen.getByText('10 câu hỏi, 10 phút mỗi lượt.')).toBeInTheDocument();
    expect(screen.getByText('Thi trắc nghiệm')).toBeInTheDocument();
    expect(screen.getByText('Thi viết')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xem thêm cuộc thi' })).not.toBeInTheDocument();

    const [request] = requests;
    expect(request?.url.searchParams.get('limit')).toBe('20');
    expect(request?.url.searchParams.get('offset')).toBe('0');
    expect(request?.headers.get('Accept-Language')).toBe('vi');
  });

  it('links each quiz round to its page', async () => {
    const round = {
      id: 'r1',
      contestId: 'c1',
      position: 1,
      kind: 'quiz' as const,
      title: 'Tuần 1',
      opensAt: '2026-11-26T07:00:00.000Z',
      closesAt: '2026-12-03T07:00:00.000Z',
      phase: 'open' as const,
      closedAt: null,
      actualValue: null,
      timeLimitSeconds: 1200,
      maxAttempts: 3,
      questionCount: 20,
      blueprint: null,
      shuffleQuestions: true,
      shuffleOptions: true,
      gradingMode: 'all_or_nothing' as const,
      predictionQuestion: null,
      predictionActual: null,
      reviewAfter: 'close' as const,
      freezeMinutes: 30,
      prompt: null,
      rubric: null,
      judgesPerEntry: null,
      minWords: null,
      maxWords: null,
    };
    mockFetch({
      'GET /api/contests': () =>
        json(page([aContest({ rounds: [round, { ...round, id: 'r2', title: 'Tuần 2', phase: 'upcoming' }] })])),
    });

    renderApp('/');

    const link = await screen.findByRole('link', { name: /Tuần 1/ });
    expect(link).toHaveAttribute('href', '/rounds/r1');
    expect(link).toHaveTextContent('Tuần 1Đang mở20 câu · 20 phút');
    expect(screen.getByRole('link', { name: /Tuần 2/ })).toHaveTextContent('Sắp mở');
  });

  it('says so when no contest is running', async () => {
    mockFetch({ 'GET /api/contests': () => json(page([])) });

    renderApp('/');

    expect(await screen.findByText('Chưa có cuộc thi nào đang diễn ra.')).toBeInTheDocument();
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    mockFetch({
      'GET /api/contests': () => {
        calls += 1;
        return calls === 1
          ? json({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống đang bảo trì.' }, 503)
          : json(page([aContest({ title: 'Cuộc thi sau khi thử lại' })]));
      },
    });

    renderApp('/');

    expect(await screen.findByRole('alert')).toHaveTextContent('Hệ thống đang bảo trì.');
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { name: 'Cuộc thi sau khi thử lại' })).toBeInTheDocument();
  });

  it('loads the next page when there are more contests than shown', async () => {
    const first = Array.from({ length: 20 }, (_, index) => aContest({ title: `Cuộc thi số ${String(index + 1)}` }));
    const { requests } = mockFetch({
      'GET /api/contests': ({ url }) =>
        url.searchParams.get('offset') === '0'
          ? json(page(first, 21))
          : json(page([aContest({ title: 'Cuộc thi số 21' })], 21)),
    });

    renderApp('/');

    fireEvent.click(await screen.findByRole('button', { name: 'Xem thêm cuộc thi' }));
    expect(await screen.findByRole('heading', { name: 'Cuộc thi số 21' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Cuộc thi số 1' })).toBeInTheDocument();
    expect(requests.at(-1)?.url.searchParams.get('offset')).toBe('20');
    expect(screen.queryByRole('button', { name: 'Xem thêm cuộc thi' })).not.toBeInTheDocument();
  });
});
