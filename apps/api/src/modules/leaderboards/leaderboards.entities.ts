import { RoundResultEntity } from './round-result.entity.js';

/** The leaderboards module's tables: registered by its module, listed whole for the migration tooling. */
export const LEADERBOARDS_ENTITIES = [RoundResultEntity];
