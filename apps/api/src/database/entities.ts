import { ContestEntity } from '../modules/contests/contest.entity.js';
import { QuestionVersionEntity } from '../modules/question-bank/question-version.entity.js';
import { QuestionEntity } from '../modules/question-bank/question.entity.js';
import { TopicEntity } from '../modules/question-bank/topic.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, for the data source (modules register their own repositories). */
export const ENTITIES = [UnitEntity, UserEntity, ContestEntity, TopicEntity, QuestionEntity, QuestionVersionEntity];
