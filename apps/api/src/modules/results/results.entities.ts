import { RoundResultDigestEntity } from './round-result-digest.entity.js';

/** The results module's tables: registered by ResultsDigestModule, listed whole for the migration tooling. */
export const RESULTS_ENTITIES = [RoundResultDigestEntity];
