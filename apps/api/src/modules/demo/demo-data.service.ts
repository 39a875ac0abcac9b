import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { ContestsService } from '../contests/contests.service.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { QuestionsService } from '../question-bank/questions.service.js';
import { DemoRepository } from './demo.repository.js';
import { DEMO_TOPICS } from './demo-questions.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-units.js';

const WORDS = ['sen', 'tre', 'lua', 'song', 'nui', 'bien', 'trang', 'sao', 'gio', 'may', 'hoa', 'la'];

function generatePassword(): string {
  const words = Array.from({ length: 3 }, () => WORDS[randomInt(WORDS.length)]);
  return `${words.join('-')}-${randomInt(1000, 10000)}`;
}

/**
 * DEMO_DATA: on an empty database, load the demo federation, accounts and question bank in one
 * transaction, then a running contest ("Tìm hiểu pháp luật về bầu cử": a round open now, 20 questions
 * in 20 minutes, 3 attempts, a prediction question; next week's round after it), and print the
 * generated passwords once.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: DemoRepository,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly questions: QuestionsService,
    private readonly contests: ContestsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData || !(await this.units.isEmpty())) return;
    const credentials = await Promise.all(
      DEMO_ACCOUNTS.map(async (account) => {
        const password = generatePassword();
        return { account, password, hash: await this.hasher.hash(password) };
      }),
    );
    const topicIds: string[] = [];
    let organizer: { id: string; unitId: string | null } | null = null;
    await this.repository.transaction(async (tx) => {
      const ids = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parent ? ids.get(unit.parent) : undefined;
        const created = await this.units.create({ name: unit.name, parentId, memberCount: unit.memberCount }, tx);
        ids.set(unit.key, created.id);
      }
      let organizerId: string | null = null;
      for (const { account, hash } of credentials) {
        const user = await this.users.create(
          {
            fullName: account.fullName,
            email: account.email,
            passwordHash: hash,
            unitId: account.unit ? ids.get(account.unit)! : null,
            phone: account.phone ?? null,
            roles: account.roles,
          },
          tx,
        );
        if (account.roles.includes('organizer')) {
          organizerId = user.id;
          organizer = { id: user.id, unitId: user.unitId };
        }
      }
      for (const topic of DEMO_TOPICS) {
        const { id: topicId } = await this.questions.createTopic({ name: topic.name }, tx);
        topicIds.push(topicId);
        const drafts = topic.questions.map((q) => ({ ...q, topicId, points: q.points ?? 1 }));
        drafts.forEach((draft) => this.questions.assertValid(draft));
        await this.questions.insertMany(organizerId, drafts, tx);
      }
    });
    await this.createRunningContest(organizer!, topicIds);
    const questionCount = DEMO_TOPICS.reduce((sum, topic) => sum + topic.questions.length, 0);
    this.logger.log(`demo data loaded: ${DEMO_UNITS.length} units, ${DEMO_ACCOUNTS.length} accounts, ${questionCount} questions`);
    const rows = credentials.map(({ account, password }) => `  ${account.roles.join(',').padEnd(10)} ${account.email.padEnd(26)} ${password}`);
    process.stdout.write(
      [
        '',
        '==== Hội Thi demo accounts (shown once; keep them now) ====',
        ...rows,
        '============================================================',
        '',
      ].join('\n'),
    );
  }

  /** Modelled on the published rules (GLOSSARY.md): weekly rounds with a prediction question. */
  private async createRunningContest(organizer: { id: string; unitId: string | null }, [electionLaw, congress]: string[]): Promise<void> {
    const user = { id: organizer.id, unitId: organizer.unitId, roles: ['organizer' as const] };
    const { contest } = await this.contests.create(user, {
      title: 'Tìm hiểu pháp luật về bầu cử',
      description:
        'Cuộc thi trực tuyến tìm hiểu Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân dành cho đoàn viên, người lao động. ' +
        'Mỗi tuần một vòng thi; xếp hạng theo điểm, rồi độ chính xác của câu dự đoán, rồi thời gian làm bài.',
      kind: 'quiz',
    });
    const hour = 3600_000;
    const day = 24 * hour;
    const now = this.clock.now().getTime();
    const prediction = 'Theo bạn, tuần này có bao nhiêu người tham gia cuộc thi?';
    await this.contests.addRound(contest.id, {
      title: 'Tuần 1',
      opensAt: new Date(now - hour).toISOString(),
      closesAt: new Date(now + 7 * day).toISOString(),
      timeLimitSeconds: 20 * 60,
      maxAttempts: 3,
      blueprint: [
        { topicId: electionLaw, count: 16 },
        { topicId: congress, count: 4 },
      ],
      predictionQuestion: prediction,
      predictionActual: 'participants',
      reviewAfter: 'close',
    });
    await this.contests.addRound(contest.id, {
      title: 'Tuần 2',
      opensAt: new Date(now + 7 * day).toISOString(),
      closesAt: new Date(now + 14 * day).toISOString(),
      timeLimitSeconds: 10 * 60,
      maxAttempts: 7,
      blueprint: [{ topicId: electionLaw, count: 10 }],
      predictionQuestion: prediction,
      predictionActual: 'participants',
      reviewAfter: 'close',
    });
    await this.contests.publish(null, contest.id);
  }
}
