import { AuthSessionEntity } from './auth-session.entity.js';

/** The auth module's tables: registered by its module, listed whole for the migration tooling. */
export const AUTH_ENTITIES = [AuthSessionEntity];
