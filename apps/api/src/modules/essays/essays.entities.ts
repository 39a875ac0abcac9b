import { EssayAssignmentEntity } from './essay-assignment.entity.js';
import { EssayEntryEntity } from './essay-entry.entity.js';
import { EssayRoundStateEntity } from './essay-round-state.entity.js';

/** The essays module's tables: registered by its module, listed whole for the migration tooling. */
export const ESSAYS_ENTITIES = [EssayRoundStateEntity, EssayEntryEntity, EssayAssignmentEntity];
