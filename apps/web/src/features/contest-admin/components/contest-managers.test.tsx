import type { ContestManagerResponse, Page, RoundPreviewResponse, UserAdminResponse } from '@hoi-thi/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aContest, anAdminUser, aRound, organizer, signIn } from '../../../test/builders';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderApp } from '../../../test/render-app';

const round = aRound({ id: 'r1', contestId: 'c1', phase: 'upcoming', blueprint: [{ topicId: 't-law', count: 2 }], questionCount: 2 });
const btc: ContestManagerResponse = { id: organizer.id, fullName: organizer.fullName, email: organizer.email };
const lan = anAdminUser({ id: 'u-lan', fullName: 'Phạm Thị Lan', email: 'lan@example.vn', roles: ['organizer'] });
const minh = anAdminUser({ id: 'u-minh', fullName: 'Đỗ Văn Minh', email: 'minh@example.vn', roles: ['organizer'] });
const organizers = (items: UserAdminResponse[]): Page<UserAdminResponse> => ({ items, total: items.length });

/** The builder's other requests, answered so the page is whole. */
const builderRoutes = {
  'GET /api/topics': () => json([{ id: 't-law', name: 'Luật Bầu cử', parentId: null }]),
  'GET /api/questions/availability': () => json({ items: [{ topicId: 't-law', difficulty: 'easy', count: 5 }] }),
};

const managersPanel = () => screen.getByRole('region', { name: 'Ban tổ chức cuộc thi' });

describe('contest managers', () => {
  it('lists the managers, adds one found by name, removes one and saves the list', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: [organizer.id] })),
      'GET /api/contests/c1/managers': () => json([btc]),
      'GET /api/users/organizers': (request) => json(organizers(request.url.searchParams.get('search') === 'lan' ? [lan] : [lan, minh])),
      'PUT /api/contests/c1/managers': () => json([{ id: lan.id, fullName: lan.fullName, email: lan.email }]),
    });
    renderApp('/admin/contests/c1');

    const panel = within(await screen.findByRole('region', { name: 'Ban tổ chức cuộc thi' }));
    expect(await panel.findByText('Ban tổ chức')).toBeInTheDocument();
    expect(panel.getByText('btc@example.vn')).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: 'Lưu ban tổ chức' })).not.toBeInTheDocument();

    fireEvent.change(panel.getByLabelText('Thêm người quản lý'), { target: { value: 'lan' } });
    fireEvent.click(await panel.findByRole('button', { name: 'Thêm Phạm Thị Lan vào ban tổ chức' }));
    expect(panel.getByText('Có thay đổi chưa lưu.')).toBeInTheDocument();
    // Already chosen: no longer offered.
    expect(panel.queryByRole('button', { name: 'Thêm Phạm Thị Lan vào ban tổ chức' })).not.toBeInTheDocument();

    fireEvent.click(panel.getByRole('button', { name: 'Bỏ Ban tổ chức khỏi ban tổ chức' }));
    fireEvent.click(panel.getByRole('button', { name: 'Lưu ban tổ chức' }));

    expect(await panel.findByText('Đã lưu ban tổ chức cuộc thi.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ userIds: [lan.id] });
    expect(requests.find((request) => request.url.pathname === '/api/users/organizers')?.url.searchParams.get('search')).toBe('lan');
  });

  it('needs at least one manager, and explains the server\'s refusals', async () => {
    mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: [organizer.id] })),
      'GET /api/contests/c1/managers': () => json([btc]),
      'GET /api/users/organizers': () => json(organizers([minh])),
      'PUT /api/contests/c1/managers': () => json({ statusCode: 409, code: 'CONTEST.MANAGER_IS_CONTESTANT', message: 'CONTEST.MANAGER_IS_CONTESTANT' }, 409),
    });
    renderApp('/admin/contests/c1');
    await screen.findByText('btc@example.vn');

    fireEvent.click(within(managersPanel()).getByRole('button', { name: 'Bỏ Ban tổ chức khỏi ban tổ chức' }));
    expect(within(managersPanel()).getByText('Chưa có ai. Thêm ít nhất một người.')).toBeInTheDocument();
    fireEvent.click(within(managersPanel()).getByRole('button', { name: 'Lưu ban tổ chức' }));
    expect(within(managersPanel()).getByText('Cuộc thi cần ít nhất một người quản lý.')).toBeInTheDocument();

    fireEvent.change(within(managersPanel()).getByLabelText('Thêm người quản lý'), { target: { value: 'minh' } });
    fireEvent.click(await within(managersPanel()).findByRole('button', { name: 'Thêm Đỗ Văn Minh vào ban tổ chức' }));
    fireEvent.click(within(managersPanel()).getByRole('button', { name: 'Lưu ban tổ chức' }));
    expect(await within(managersPanel()).findByRole('alert')).toHaveTextContent('Một người được chọn đã dự thi cuộc thi này nên không thể quản lý cuộc thi.');

    fireEvent.click(within(managersPanel()).getByRole('button', { name: 'Bỏ thay đổi' }));
    expect(within(managersPanel()).getByText('btc@example.vn')).toBeInTheDocument();
    await waitFor(() => {
      expect(within(managersPanel()).queryByRole('alert')).not.toBeInTheDocument();
    });
  });

  it('says when nobody matches the search', async () => {
    mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: [organizer.id] })),
      'GET /api/contests/c1/managers': () => json([btc]),
      'GET /api/users/organizers': () => json(organizers([])),
    });
    renderApp('/admin/contests/c1');
    await screen.findByText('btc@example.vn');
    fireEvent.change(within(managersPanel()).getByLabelText('Thêm người quản lý'), { target: { value: 'không ai' } });
    expect(await within(managersPanel()).findByText('Không tìm thấy tài khoản ban tổ chức nào phù hợp.')).toBeInTheDocument();
  });

  it('hides the controls of a contest the organizer does not manage, and says so', async () => {
    const { requests } = mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: ['u-other'], canManage: false })),
    });
    renderApp('/admin/contests/c1');

    expect(await screen.findByText('Bạn không quản lý cuộc thi này')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Tuần 1' })).toBeInTheDocument();
    for (const name of ['Công bố cuộc thi', 'Sửa tên và mô tả', 'Thêm vòng thi', 'Xem thử đề']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('region', { name: 'Ban tổ chức cuộc thi' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.url.pathname === '/api/contests/c1/managers')).toBe(false);
  });

  it('keeps the add-round form away from a new contest the organizer does not manage', async () => {
    mockFetch({ ...signIn(organizer), ...builderRoutes, 'GET /api/contests/c1': () => json(aContest({ canManage: false })) });
    renderApp('/admin/contests/c1');
    expect(await screen.findByText('Bạn không quản lý cuộc thi này')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Thêm vòng thi trắc nghiệm' })).not.toBeInTheDocument();
  });

  it('marks the contests of the list the organizer does not manage', async () => {
    mockFetch({
      ...signIn(organizer),
      'GET /api/contests': () =>
        json({ items: [aContest({ id: 'c1', title: 'Cuộc thi của tôi' }), aContest({ id: 'c2', title: 'Cuộc thi khác', canManage: false })], total: 2 }),
    });
    renderApp('/admin/contests');
    const mine = (await screen.findByRole('link', { name: 'Cuộc thi của tôi' })).closest('article')!;
    const other = screen.getByRole('link', { name: 'Cuộc thi khác' }).closest('article')!;
    expect(within(mine).queryByText('Bạn không quản lý')).not.toBeInTheDocument();
    expect(within(other).getByText('Bạn không quản lý')).toBeInTheDocument();
  });
});

const paper = (seed: string, firstQuestion: string): RoundPreviewResponse => ({
  roundId: 'r1',
  seed,
  maxScore: 3,
  questions: [
    {
      id: 'q1',
      versionId: 'q1v1',
      type: 'single',
      text: firstQuestion,
      points: 1,
      options: [
        { id: 'a', text: '18 tuổi', correct: true },
        { id: 'b', text: '21 tuổi', correct: false },
      ],
      explanation: 'Điều 27 Hiến pháp năm 2013.',
    },
    {
      id: 'q2',
      versionId: 'q2v3',
      type: 'multiple',
      text: 'Những nguyên tắc bầu cử nào sau đây là đúng?',
      points: 2,
      options: [
        { id: 'c', text: 'Phổ thông', correct: true },
        { id: 'd', text: 'Bình đẳng', correct: true },
        { id: 'e', text: 'Công khai lá phiếu', correct: false },
      ],
      explanation: null,
    },
  ],
});

describe('round preview', () => {
  it('draws a paper with its key, says nothing is recorded, and draws another on a second click', async () => {
    let draws = 0;
    const { requests } = mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: [organizer.id] })),
      'GET /api/contests/c1/managers': () => json([btc]),
      'POST /api/rounds/r1/preview': () => {
        draws += 1;
        return json(draws === 1 ? paper('s1', 'Công dân đủ bao nhiêu tuổi thì có quyền bầu cử?') : paper('s2', 'Ai có quyền ứng cử đại biểu Quốc hội?'));
      },
    });
    renderApp('/admin/contests/c1');
    const card = within(await screen.findByRole('article', { name: 'Tuần 1' }));

    fireEvent.click(card.getByRole('button', { name: 'Xem thử đề' }));
    const preview = within(await card.findByRole('region', { name: 'Đề xem thử' }));
    expect(preview.getByText(/Không có gì được ghi lại/)).toBeInTheDocument();
    expect(preview.getByText('2 câu · tổng 3 điểm')).toBeInTheDocument();
    expect(preview.getByText('Công dân đủ bao nhiêu tuổi thì có quyền bầu cử?')).toBeInTheDocument();
    const right = preview.getByText('18 tuổi').closest('li')!;
    expect(right).toHaveAttribute('data-key', 'true');
    expect(right).toHaveTextContent('Đáp án đúng');
    expect(preview.getByText('21 tuổi').closest('li')).not.toHaveTextContent('Đáp án đúng');
    expect(preview.getByText('2 điểm')).toBeInTheDocument();
    expect(preview.getByText('Điều 27 Hiến pháp năm 2013.')).toBeInTheDocument();
    expect(preview.getAllByText('Đáp án đúng')).toHaveLength(3);

    fireEvent.click(card.getByRole('button', { name: 'Rút đề khác' }));
    expect(await card.findByText('Ai có quyền ứng cử đại biểu Quốc hội?')).toBeInTheDocument();
    expect(requests.filter((request) => request.url.pathname === '/api/rounds/r1/preview')).toHaveLength(2);

    fireEvent.click(card.getByRole('button', { name: 'Đóng đề xem thử' }));
    await waitFor(() => {
      expect(card.queryByRole('region', { name: 'Đề xem thử' })).not.toBeInTheDocument();
    });
  });

  it('explains a refused preview', async () => {
    mockFetch({
      ...signIn(organizer),
      ...builderRoutes,
      'GET /api/contests/c1': () => json(aContest({ rounds: [round], managerIds: [organizer.id] })),
      'GET /api/contests/c1/managers': () => json([btc]),
      'POST /api/rounds/r1/preview': () => json({ statusCode: 403, code: 'CONTEST.NOT_MANAGER', message: 'CONTEST.NOT_MANAGER' }, 403),
    });
    renderApp('/admin/contests/c1');
    const card = within(await screen.findByRole('article', { name: 'Tuần 1' }));
    fireEvent.click(card.getByRole('button', { name: 'Xem thử đề' }));
    expect(await card.findByRole('alert')).toHaveTextContent('Bạn không quản lý cuộc thi này nên không thực hiện được thao tác này.');
  });
});
