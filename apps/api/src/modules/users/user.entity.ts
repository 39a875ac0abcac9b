import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import type { Role } from '@hoi-thi/contracts';
import { UnitEntity } from '../units/unit.entity.js';

@Entity('users')
// One account per number: only non-null phones, in the canonical 0xxxxxxxxx (UsersService normalizes).
@Index('UQ_users_phone', ['phone'], { unique: true, where: '"phone" IS NOT NULL' })
// The duplicates report: numbers one digit apart in a unit, same folded name in a unit, legacy numbers.
@Index('IDX_users_unit_phone', ['unitId', 'phone'], { where: '"phone" IS NOT NULL' })
@Index('IDX_users_unit_name_key', ['unitId', 'nameKey'])
@Index('IDX_users_phone_legacy', ['phoneLegacy'], { where: '"phone_legacy" IS NOT NULL' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName!: string;

  /** Stored lower-cased and trimmed; unique. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** A Vietnamese mobile number as `0xxxxxxxxx` (engine: normalizeVietnamesePhone); unique. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /**
   * A number this account had before numbers became unique and could not keep: held by an older
   * account (then in the canonical form), or not a Vietnamese mobile number (then as it was stored).
   * Only the migration writes it; the duplicates report reads it.
   */
  @Column({ name: 'phone_legacy', type: 'varchar', length: 20, nullable: true })
  phoneLegacy!: string | null;

  /**
   * The full name folded as the engine's foldVietnamese does (no case, no diacritics, single spaces),
   * for "same name in the same unit". The database keeps it (trigger `TRG_users_name_key`), whoever
   * writes the row: never written from here, and not loaded.
   */
  @Column({ name: 'name_key', type: 'text', insert: false, update: false, select: false })
  nameKey?: string;

  @Index('IDX_users_unit_id')
  /** Members belong to a unit; staff accounts (e.g. the boot admin) may have none. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_users_unit' })
  unit?: Relation<UnitEntity>;

  @Column({ type: 'text', array: true, default: () => "'{member}'" })
  roles!: Role[];

  /** A deactivated account cannot sign in or refresh; its live tokens are refused (401 AUTH.ACCOUNT_DISABLED). */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Set by an admin's password reset: until the member picks a password, only the password change is allowed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /**
   * Access tokens carry the version they were issued at; a role change, a reset or a deactivation
   * bumps it, and every replica refuses older tokens once it has seen the change (RevocationWatcher).
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  /** When `active`, `must_change_password` or `token_version` last changed: what the replicas poll. */
  @Index('IDX_users_auth_changed_at', { where: '"auth_changed_at" IS NOT NULL' })
  @Column({ name: 'auth_changed_at', type: 'timestamptz', nullable: true })
  authChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
