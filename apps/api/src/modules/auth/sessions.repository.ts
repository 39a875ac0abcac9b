import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asTx, managerOf, type Tx } from '../../common/database/tx.js';
import { AuthSessionEntity } from './auth-session.entity.js';

/** The devices one account may stay signed in on; a new sign-in beyond this ends the oldest. */
export const MAX_SESSIONS_PER_USER = 20;

/** The only file of the auth module that talks to the database (table `auth_sessions`). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** A new session; beyond MAX_SESSIONS_PER_USER live ones the oldest are revoked (a script signing in in a loop). */
  async create(userId: string, tokenHash: Buffer, expiresAt: Date, tx?: Tx): Promise<string> {
    const run = managerOf(tx) ?? this.dataSource.manager;
    const [row] = await run.query('INSERT INTO auth_sessions (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id', [userId, tokenHash, expiresAt]);
    await run.query(
      `UPDATE auth_sessions SET revoked_at = clock_timestamp()
        WHERE user_id = $1 AND revoked_at IS NULL
          AND id NOT IN (SELECT id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id LIMIT $2)`,
      [userId, MAX_SESSIONS_PER_USER],
    );
    return row.id as string;
  }

  /** The session, locked for its refresh (two refreshes of one token serialize: the second sees it spent). */
  findForUpdate(id: string, tx: Tx): Promise<AuthSessionEntity | null> {
    return managerOf(tx).getRepository(AuthSessionEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  }

  async rotate(id: string, tokenHash: Buffer, expiresAt: Date, tx: Tx): Promise<void> {
    await managerOf(tx).query('UPDATE auth_sessions SET token_hash = $2, expires_at = $3, refreshed_at = clock_timestamp() WHERE id = $1', [id, tokenHash, expiresAt]);
  }

  async revoke(id: string, tx?: Tx): Promise<void> {
    await (managerOf(tx) ?? this.dataSource.manager).query('UPDATE auth_sessions SET revoked_at = clock_timestamp() WHERE id = $1 AND revoked_at IS NULL', [id]);
  }

  /** Revokes every live session of the account, but `keep` (the caller's own, on a password change). */
  async revokeAll(userId: string, keep: string | null, tx?: Tx): Promise<void> {
    await (managerOf(tx) ?? this.dataSource.manager).query(
      'UPDATE auth_sessions SET revoked_at = clock_timestamp() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)',
      [userId, keep],
    );
  }

  /** Sessions revoked after `since` (IDX_auth_sessions_revoked_at): what every replica polls. */
  async revokedSince(since: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM auth_sessions WHERE revoked_at > $1', [since]);
    return rows.map((row) => row.id);
  }
}
