import { AttemptAnswerEntity } from './attempt-answer.entity.js';
import { AttemptEntity } from './attempt.entity.js';
import { RegradeLogEntity } from './regrade-log.entity.js';
import { RoundParticipantEntity } from './round-participant.entity.js';

/** The attempts module's tables: registered by AttemptsModule, listed whole for the migration tooling. */
export const ATTEMPTS_ENTITIES = [AttemptEntity, AttemptAnswerEntity, RoundParticipantEntity, RegradeLogEntity];
