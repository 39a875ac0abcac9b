/**
 * Every module's entities, for what builds a DataSource outside Nest and must see the whole schema:
 * the migration CLI (`generate` diffs the database against them) and the schema test. The app's own
 * data source loads only what the modules register (`TypeOrmModule.forFeature`, `autoLoadEntities`).
 */
import { AUTH_ENTITIES } from '../modules/auth/auth.entities.js';
import { CONTESTS_ENTITIES } from '../modules/contests/contests.entities.js';
import { ESSAYS_ENTITIES } from '../modules/essays/essays.entities.js';
import { LEADERBOARDS_ENTITIES } from '../modules/leaderboards/leaderboards.entities.js';
import { ATTEMPTS_ENTITIES } from '../modules/attempts/attempts.entities.js';
import { AUDIT_ENTITIES } from '../modules/audit/audit.entities.js';
import { CERTIFICATES_ENTITIES } from '../modules/certificates/certificates.entities.js';
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
  ...AUTH_ENTITIES,
  ...CONTESTS_ENTITIES,
  ...LEADERBOARDS_ENTITIES,
  ...ESSAYS_ENTITIES,
];
