import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { QuestionsService } from '../question-bank/questions.service.js';
import { DEMO_TOPICS } from './demo-questions.js';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-units.js';

const WORDS = ['sen', 'tre', 'lua', 'song', 'nui', 'bien', 'trang', 'sao', 'gio', 'may', 'hoa', 'la'];

function generatePassword(): string {
  const words = Array.from({ length: 3 }, () => WORDS[randomInt(WORDS.length)]);
  return `${words.join('-')}-${randomInt(1000, 10000)}`;
}

/**
 * DEMO_DATA: on an empty database, load the demo federation, accounts and question bank in one
 * transaction, and print the generated passwords once. The contests issue adds a running contest.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly questions: QuestionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData || !(await this.units.isEmpty())) return;
    const credentials = await Promise.all(
      DEMO_ACCOUNTS.map(async (account) => {
        const password = generatePassword();
        return { account, password, hash: await this.hasher.hash(password) };
      }),
    );
    await this.dataSource.transaction(async (manager) => {
      const ids = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parent ? ids.get(unit.parent) : undefined;
        const created = await this.units.create({ name: unit.name, parentId, memberCount: unit.memberCount }, manager);
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
          manager,
        );
        if (account.roles.includes('organizer')) organizerId = user.id;
      }
      for (const topic of DEMO_TOPICS) {
        const { id: topicId } = await this.questions.createTopic({ name: topic.name }, manager);
        const drafts = topic.questions.map((q) => ({ ...q, topicId, points: q.points ?? 1 }));
        drafts.forEach((draft) => this.questions.assertValid(draft));
        await this.questions.insertMany(organizerId, drafts, manager);
      }
    });
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
}
