import { AuthSessionEntity } from '../modules/auth/auth-session.entity.js';
import { AuditLogEntity } from '../modules/audit/audit-log.entity.js';
import { AttemptAnswerEntity } from '../modules/attempts/attempt-answer.entity.js';
import { AttemptEntity } from '../modules/attempts/attempt.entity.js';
import { RegradeLogEntity } from '../modules/attempts/regrade-log.entity.js';
import { RoundParticipantEntity } from '../modules/attempts/round-participant.entity.js';
import { RoundResultEntity } from '../modules/leaderboards/round-result.entity.js';
import { ContestEntity } from '../modules/contests/contest.entity.js';
import { ContestManagerEntity } from '../modules/contests/contest-manager.entity.js';
import { RoundEntity } from '../modules/contests/round.entity.js';
import { EssayAssignmentEntity } from '../modules/essays/essay-assignment.entity.js';
import { EssayEntryEntity } from '../modules/essays/essay-entry.entity.js';
import { EssayRoundStateEntity } from '../modules/essays/essay-round-state.entity.js';
import { BankStateEntity } from '../modules/question-bank/bank-state.entity.js';
import { QuestionPoolSnapshotEntity } from '../modules/question-bank/question-pool-snapshot.entity.js';
import { QuestionVersionEntity } from '../modules/question-bank/question-version.entity.js';
import { QuestionEntity } from '../modules/question-bank/question.entity.js';
import { TopicEntity } from '../modules/question-bank/topic.entity.js';
import { RoundResultDigestEntity } from '../modules/results/round-result-digest.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { CertificateBatchEntity } from '../modules/certificates/certificate-batch.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, for the data source (modules register their own repositories). */
export const ENTITIES = [UnitEntity, UserEntity, ContestEntity, TopicEntity, QuestionEntity, QuestionVersionEntity,
  BankStateEntity, RoundEntity, AttemptEntity, AttemptAnswerEntity, RoundParticipantEntity, RegradeLogEntity, RoundResultEntity,
  EssayRoundStateEntity, EssayEntryEntity, EssayAssignmentEntity, AuditLogEntity, AuthSessionEntity, ContestManagerEntity,
  QuestionPoolSnapshotEntity, RoundResultDigestEntity, CertificateBatchEntity];
