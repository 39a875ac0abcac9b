import type {
  AttemptResponse,
  AuthResponse,
  ContestLeaderboardEntry,
  ContestLeaderboardResponse,
  ContestResponse,
  HistoryItem,
  PaperQuestion,
  RoundDetailResponse,
  UnitImportResponse,
  UnitLeaderboardEntry,
  UnitLeaderboardResponse,
  UnitResponse,
  UserAdminResponse,
  UserResponse,
} from '@hoi-thi/contracts';
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
    prompt: null,
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

export function aUnit(id: string, name: string, parentId: string | null = null, memberCount = 100): UnitResponse {
  return { id, name, parentId, memberCount };
}

/** A small federation: the national federation, two city federations, three grassroots unions. */
export const unitTree: UnitResponse[] = [
  aUnit('tld', 'Tổng Liên đoàn Lao động Việt Nam', null, 0),
  aUnit('hcm', 'Liên đoàn Lao động TP. Hồ Chí Minh', 'tld', 10),
  aUnit('dn', 'Liên đoàn Lao động TP. Đà Nẵng', 'tld', 5),
  aUnit('btn', 'Công đoàn Báo Thanh Niên', 'hcm', 120),
  aUnit('bvcr', 'Công đoàn Bệnh viện Chợ Rẫy', 'hcm', 3091),
  aUnit('cdn', 'Công đoàn Cảng Đà Nẵng', 'dn', 450),
];

export function aUnitImportReport(overrides: Partial<UnitImportResponse> = {}): UnitImportResponse {
  return { dryRun: true, created: 0, updated: 0, errors: [], ...overrides };
}

export function aHistoryItem(overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    contestId: 'c1',
    contestTitle: 'Tìm hiểu Luật Bầu cử',
    roundId,
    roundTitle: 'Tuần 1',
    attemptId,
    status: 'submitted',
    score: 18.5,
    maxScore: 20,
    durationMs: 332_000,
    submittedAt: '2026-11-26T08:05:32.000Z',
    rank: 12,
    ...overrides,
  };
}

export function aContestBoardEntry(overrides: Partial<ContestLeaderboardEntry> = {}): ContestLeaderboardEntry {
  return { rank: 1, userId: 'u-hoa', fullName: 'Nguyễn Thị Hoa', unitName: 'Công đoàn Báo Thanh Niên', totalScore: 38.5, totalDurationMs: 700_000, roundsPlayed: 2, ...overrides };
}

export function aContestBoard(overrides: Partial<ContestLeaderboardResponse> = {}): ContestLeaderboardResponse {
  return { contestId: 'c1', total: 1, frozen: false, frozenAt: null, entries: [aContestBoardEntry()], ...overrides };
}

export function aUnitBoardEntry(overrides: Partial<UnitLeaderboardEntry> = {}): UnitLeaderboardEntry {
  return { rank: 1, unitId: 'btn', name: 'Công đoàn Báo Thanh Niên', parentId: 'hcm', depth: 2, participants: 60, memberCount: 120, participationRate: 0.5, averageScore: 15, ...overrides };
}

export function aUnitBoard(overrides: Partial<UnitLeaderboardResponse> = {}): UnitLeaderboardResponse {
  const entries = overrides.entries ?? [aUnitBoardEntry()];
  return { contestId: 'c1', orderBy: 'participants', total: entries.length, frozen: false, frozenAt: null, entries, ...overrides };
}
