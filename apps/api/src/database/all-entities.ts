/**
 * Every module's entities, for what builds a DataSource outside Nest and must see the whole schema:
 * the migration CLI (`generate` diffs the database against them) and the schema test. The app's own
 * data source loads only what the modules register (`TypeOrmModule.forFeature`, `autoLoadEntities`).
 */
import { ATTEMPTS_ENTITIES } from '../modules/attempts/attempts.entities.js';
import { AUDIT_ENTITIES } from '../modules/audit/audit.entities.js';
import { AuthSessionEntity } from '../modules/auth/auth-session.entity.js';
import { CERTIFICATES_ENTITIES } from '../modules/certificates/certificates.entities.js';
import { ContestManagerEntity } from '../modules/contests/contest-manager.entity.js';
import { ContestEntity } from '../modules/contests/contest.entity.js';
import { RoundEntity } from '../modules/contests/round.entity.js';
import { EssayAssignmentEntity } from '../modules/essays/essay-assignment.entity.js';
import { EssayEntryEntity } from '../modules/essays/essay-entry.entity.js';
import { EssayRoundStateEntity } from '../modules/essays/essay-round-state.entity.js';
import { RoundResultEntity } from '../modules/leaderboards/round-result.entity.js';
import { QUESTION_BANK_ENTITIES } from '../modules/question-bank/question-bank.entities.js';
import { RESULTS_ENTITIES } from '../modules/results/results.entities.js';
import { UNITS_ENTITIES } from '../modules/units/units.entities.js';
import { USERS_ENTITIES } from '../modules/users/users.entities.js';

export const ALL_ENTITIES = [
  ...UNITS_ENTITIES,
  ...USERS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...QUESTION_BANK_ENTITIES,
  ...ATTEMPTS_ENTITIES,
  ...RESULTS_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  // auth, contests, leaderboards and essays name their classes here until they export their own lists.
  AuthSessionEntity,
  ContestEntity,
  RoundEntity,
  ContestManagerEntity,
  RoundResultEntity,
  EssayRoundStateEntity,
  EssayEntryEntity,
  EssayAssignmentEntity,
];
