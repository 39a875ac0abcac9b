import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * One signed-in device: the refresh token family of one login (API.md "Sessions and accounts").
 * The refresh token is `<id>.<secret>`; only the SHA-256 of the current secret is stored. Each
 * refresh replaces it (rotation); a secret that is not the current one is a replay, and ends the
 * session. Access tokens carry the session id, so a revoked session's access tokens die too.
 */
@Entity('auth_sessions')
@Index('IDX_auth_sessions_user_live', ['userId', 'createdAt'], { where: '"revoked_at" IS NULL' })
@Index('IDX_auth_sessions_revoked_at', ['revokedAt'], { where: '"revoked_at" IS NOT NULL' })
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_auth_sessions_user' })
  user?: Relation<UserEntity>;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'refreshed_at', type: 'timestamptz', nullable: true })
  refreshedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
