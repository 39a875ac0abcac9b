import { UserEntity } from './user.entity.js';

/** The users module's tables: registered by UsersModule, listed whole for the migration tooling. */
export const USERS_ENTITIES = [UserEntity];
