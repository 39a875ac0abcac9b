import { BankStateEntity } from './bank-state.entity.js';
import { QuestionPoolSnapshotEntity } from './question-pool-snapshot.entity.js';
import { QuestionVersionEntity } from './question-version.entity.js';
import { QuestionEntity } from './question.entity.js';
import { TopicEntity } from './topic.entity.js';

/** The question bank's tables: registered by QuestionBankModule, listed whole for the migration tooling. */
export const QUESTION_BANK_ENTITIES = [TopicEntity, QuestionEntity, QuestionVersionEntity, BankStateEntity, QuestionPoolSnapshotEntity];
