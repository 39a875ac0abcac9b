import type { AttemptResponse, AuthResponse, ContestResponse, PaperQuestion, RoundDetailResponse, UserAdminResponse, UserResponse } from '@hoi-thi/contracts';
import { json } from './fetch-mock';

export const roundId = '11111111-1111-4111-8111-111111111111';
export const attemptId = '22222222-2222-4222-8222-222222222222';

export function aUser(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'u-hoa',
    fullName: 'Nguyễn Thị Hoa',
    email: 'hoa@example.vn',
    unitId: 'btn',
    roles: ['member'],
    phone: null,
    mustChangePassword: false,
    ...overrides,
  };
}

export const member: UserResponse = aUser();

/** A stored session (access and refresh token) and the `/auth/me` route that accepts it. */
export function signIn(user: UserResponse = member) {
  window.localStorage.setItem('hoi-thi.accessToken', `token-${user.id}`);
  window.localStorage.setItem('hoi-thi.refreshToken', `refresh-${user.id}`);
  return { 'GET /api/auth/me': () => json(user) };
}

/** What `POST /api/auth/login` (and `register`) answer for `user`. */
export function anAuthResponse(user: UserResponse = member, overrides: Partial<AuthResponse> = {}): AuthResponse {
  return {
    accessToken: `token-${user.id}`,
    refreshToken: `refresh-${user.id}`,
    expiresIn: 900,
    mustChangePassword: user.mustChangePassword,
    user,
    ...overrides,
  };
}

export function anAdminUser(overrides: Partial<UserAdminResponse> = {}): UserAdminResponse {
  return { ...aUser(), active: true, createdAt: '2026-11-20T02:00:00.000Z', ...overrides };
}

export function aContest(overrides: Partial<ContestResponse> = {}): ContestResponse {
  return {
    id: 'c1',
    title: 'Tìm hiểu Luật Bầu cử',
    description: null,
    kind: 'quiz',
    status: 'draft',
    eligibleUnitIds: [],
    rounds: [],
    createdAt: '2026-11-20T00:00:00.000Z',
    publishedAt: null,
    managerIds: [],
    canManage: true,
    ...overrides,
  };
}

export function aRound(overrides: Partial<RoundDetailResponse> = {}): RoundDetailResponse {
  return {
    id: roundId,
    contestId: 'c1',
    position: 1,
    kind: 'quiz',
    title: 'Tuần 1',
    opensAt: '2026-11-26T07:00:00.000Z',
    closesAt: '2026-12-03T07:00:00.000Z',
    phase: 'open',
    closedAt: null,
    actualValue: null,
    timeLimitSeconds: 1200,
    maxAttempts: 3,
    questionCount: 20,
    blueprint: null,
    shuffleQuestions: true,
    shuffleOptions: true,
    gradingMode: 'all_or_nothing',
    predictionQuestion: 'Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?',
    predictionActual: 'participants',
    reviewAfter: 'close',
    freezeMinutes: 30,
    rubric: null,
    judgesPerEntry: null,
    minWords: null,
    maxWords: null,
    contestTitle: 'Tìm hiểu pháp luật về bầu cử',
    contestStatus: 'published',
    me: { attemptsUsed: 0, attemptsLeft: 3, activeAttemptId: null, best: null },
    ...overrides,
  };
}

export const questions: PaperQuestion[] = [
  {
    id: 'q1',
    type: 'single',
    text: 'Công dân đủ bao nhiêu tuổi thì có quyền bầu cử?',
    points: 1,
    options: [
      { id: 'q1-a', text: '18 tuổi' },
      { id: 'q1-b', text: '21 tuổi' },
    ],
  },
  {
    id: 'q2',
    type: 'multiple',
    text: 'Những nguyên tắc bầu cử nào sau đây là đúng?',
    points: 1,
    options: [
      { id: 'q2-a', text: 'Phổ thông' },
      { id: 'q2-b', text: 'Bình đẳng' },
      { id: 'q2-c', text: 'Công khai lá phiếu' },
    ],
  },
  {
    id: 'q3',
    type: 'true_false',
    text: 'Cử tri có thể bầu cử qua thư.',
    points: 1,
    options: [
      { id: 'q3-t', text: 'Đúng' },
      { id: 'q3-f', text: 'Sai' },
    ],
  },
];

export function anAttempt(overrides: Partial<AttemptResponse> = {}): AttemptResponse {
  return {
    id: attemptId,
    roundId,
    status: 'active',
    startedAt: '2026-11-26T08:00:00.000Z',
    deadline: '2026-11-26T08:20:00.000Z',
    serverTime: '2026-11-26T08:00:00.000Z',
    questions,
    predictionQuestion: 'Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?',
    prediction: null,
    attemptsLeft: 2,
    answers: {},
    ...overrides,
  };
}

export const organizer: UserResponse = aUser({ id: 'u-btc', fullName: 'Ban tổ chức', email: 'btc@example.vn', unitId: null, roles: ['organizer'] });
export const judge: UserResponse = aUser({ id: 'u-gk', fullName: 'Giám khảo Trần Thị Hoa', email: 'gk@example.vn', unitId: 'hn', roles: ['judge'] });
export const admin: UserResponse = aUser({ id: 'u-qtv', fullName: 'Quản trị viên', email: 'qtv@example.vn', unitId: null, roles: ['admin'] });
