import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction, AuditTargetType } from '@hoi-thi/contracts';

/**
 * One organizer or admin action (API.md "Audit"). Append-only: nothing in the app updates or deletes
 * a row, and the database refuses to (trigger `TRG_audit_log_append_only`, see the migration).
 */
@Entity('audit_log')
// The admin list: newest first, whole log or one action or one actor.
@Index('IDX_audit_log_at', ['at', 'id'])
@Index('IDX_audit_log_action_at', ['action', 'at'])
@Index('IDX_audit_log_actor_at', ['actorId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Who did it; no foreign key, so the log outlives whatever happens to accounts. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: AuditAction;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: AuditTargetType;

  /** The target's id as text (every target today has a uuid; text keeps room for others). */
  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}
