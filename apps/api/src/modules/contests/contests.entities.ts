import { ContestManagerEntity } from './contest-manager.entity.js';
import { ContestEntity } from './contest.entity.js';
import { RoundEntity } from './round.entity.js';

/** The contests module's tables: registered by its module, listed whole for the migration tooling. */
export const CONTESTS_ENTITIES = [ContestEntity, RoundEntity, ContestManagerEntity];
