/**
 * One small federation with something behind every kind of path id, for the authorization matrix
 * and the fuzz suite: a member with an attempt and an essay, a judge with an assignment, a manager
 * who created both contests, an organizer who manages neither, an admin, and spare targets for the
 * routes that use their target up (delete, finish, close, reset a password).
 */
import type { AuthResponse } from '@hoi-thi/contracts';
import { aMember, aQuizRound, aUnit, aUserWithRoles, bearer, type QuizSetup } from '../builders.js';
import { aPdf } from '../essay-documents.js';
import { essayBody, RUBRIC } from '../essays.js';
import type { FakeClock, TestApp } from '../test-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type Signed = AuthResponse & { password: string };

export interface World {
  units: { a: string; b: string; spare: string };
  member: Signed;
  judge: AuthResponse;
  otherOrganizer: AuthResponse;
  /** Created both contests: their only manager. */
  manager: AuthResponse;
  admin: AuthResponse;
  /** Nobody's caller: the target of role changes, resets and deactivations. */
  spareUser: Signed;
  quiz: QuizSetup;
  /** The member's active attempt in `quiz.roundId` (review after submit). */
  attempt: { id: string; questionIds: string[]; optionIds: string[] };
  essay: {
    contestId: string;
    /** Closed; the member's entry is assigned to the judge. */
    roundId: string;
    /** Still open for entries. */
    openRoundId: string;
    entryId: string;
    assignmentId: string;
  };
  /** A PDF as members upload them. */
  pdf: Buffer;
  /** A draft quiz contest of the manager (publish, then finish). */
  contestToPublish: string;
  /** An open quiz round of the quiz contest that a test may close. */
  roundToClose: string;
  /** A topic and a question outside every blueprint (edit, archive). */
  spareTopic: string;
  spareQuestion: string;
  /** A new quiz round of the quiz contest opening after `opensInMs` (a round to delete). */
  newQuizRound(title: string, opensInMs: number): Promise<string>;
  /** A new empty topic (a topic to delete). */
  newTopic(name: string): Promise<string>;
}

/** Builds the world through the API; the clock ends 2 hours after where it started. */
export async function buildWorld(t: TestApp, clock: FakeClock): Promise<World> {
  const http = () => t.http();
  const a = (await aUnit(t, 'CĐCS Báo Thanh Niên')).id;
  // The judge works elsewhere: a judge never judges an author of their own unit.
  const b = (await aUnit(t, 'CĐCS Cảng Sài Gòn')).id;
  const spare = (await aUnit(t, 'CĐCS Dệt may')).id;
  const member = await aMember(t, a);
  const judge = await aUserWithRoles(t, b, ['judge']);
  const otherOrganizer = await aUserWithRoles(t, a, ['organizer']);
  const admin = await aUserWithRoles(t, a, ['admin']);
  const spareUser = await aMember(t, a);

  // The quiz contest; its creator is the manager of both contests. The attempt starts below.
  const quiz = await aQuizRound(t, a, { questions: 3, now: clock.now(), round: { reviewAfter: 'submit' } });
  const manager = quiz.organizer;

  // The essay contest: round 1 closes within the hour (then its entry goes to the judge), round 2 stays open.
  const now = clock.now();
  const contestId = (await http().post('/api/contests').set(...bearer(manager)).send({ title: 'Viết về người lao động', kind: 'essay' }).expect(201)).body.id as string;
  const essayRound = async (title: string, closesIn: number) =>
    (
      await http()
        .post(`/api/contests/${contestId}/rounds`)
        .set(...bearer(manager))
        .send({ title, opensAt: new Date(now.getTime() - HOUR).toISOString(), closesAt: new Date(now.getTime() + closesIn).toISOString(), rubric: RUBRIC, judgesPerEntry: 1, minWords: 5, maxWords: 300 })
        .expect(201)
    ).body.id as string;
  const roundId = await essayRound('Sơ khảo', HOUR);
  const openRoundId = await essayRound('Vòng mở', 7 * DAY);
  await http().post(`/api/contests/${contestId}/publish`).set(...bearer(manager)).expect(200);
  const entryId = (await http().post(`/api/rounds/${roundId}/entries`).set(...bearer(member)).send({ title: 'Người thợ', body: essayBody(40) }).expect(201)).body.id as string;
  const pdf = await aPdf({ name: 'Nguyễn Văn An', company: 'Báo Thanh Niên', manager: 'Trần Văn Bình' });
  await http().put(`/api/entries/${entryId}/attachment`).set(...bearer(member)).attach('file', pdf, 'bai-du-thi.pdf').expect(200);

  clock.advance(2 * HOUR);
  await http().post(`/api/rounds/${roundId}/assignments`).set(...bearer(manager)).send({ judgeIds: [judge.user.id] }).expect(201);
  const [assignment] = (await http().get('/api/judging/assignments').set(...bearer(judge)).expect(200)).body as { id: string }[];

  const started = (await http().post(`/api/rounds/${quiz.roundId}/attempts`).set(...bearer(member)).expect(201)).body as {
    id: string;
    questions: { id: string; options: { id: string }[] }[];
  };

  const newQuizRound = async (title: string, opensInMs: number) =>
    (
      await http()
        .post(`/api/contests/${quiz.contestId}/rounds`)
        .set(...bearer(manager))
        .send({
          title,
          opensAt: new Date(clock.now().getTime() + opensInMs).toISOString(),
          closesAt: new Date(clock.now().getTime() + opensInMs + 7 * DAY).toISOString(),
          timeLimitSeconds: 600,
          maxAttempts: 1,
          blueprint: [{ topicId: quiz.topicId, count: 1 }],
        })
        .expect(201)
    ).body.id as string;
  const roundToClose = await newQuizRound('Tuần để đóng', -HOUR);
  const contestToPublish = (await http().post('/api/contests').set(...bearer(manager)).send({ title: 'Cuộc thi nháp', kind: 'quiz' }).expect(201)).body.id as string;
  const newTopic = async (name: string) => (await http().post('/api/topics').set(...bearer(manager)).send({ name }).expect(201)).body.id as string;
  const spareTopic = await newTopic('Chủ đề dự phòng');
  const spareQuestion = (
    await http()
      .post('/api/questions')
      .set(...bearer(manager))
      .send({ topicId: spareTopic, type: 'true_false', text: 'Công đoàn là tổ chức chính trị - xã hội?', options: [{ text: 'Đúng', correct: true }, { text: 'Sai', correct: false }] })
      .expect(201)
  ).body.id as string;

  return {
    units: { a, b, spare },
    member,
    judge,
    otherOrganizer,
    manager,
    admin,
    spareUser,
    quiz,
    attempt: { id: started.id, questionIds: started.questions.map((q) => q.id), optionIds: started.questions[0].options.map((o) => o.id) },
    essay: { contestId, roundId, openRoundId, entryId, assignmentId: assignment.id },
    pdf,
    contestToPublish,
    roundToClose,
    spareTopic,
    spareQuestion,
    newQuizRound,
    newTopic,
  };
}
