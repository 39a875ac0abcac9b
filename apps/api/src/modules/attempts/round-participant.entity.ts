import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { numericColumn } from '../../common/database/numeric.js';
import { RoundEntity } from '../contests/round.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A member in a round: the row every change to their attempts locks first (start, submit, expiry,
 * regrade), and their best attempt, kept current for the leaderboards.
 */
@Entity('round_participants')
@Index('IDX_round_participants_board_txid', ['roundId', 'boardTxid'])
// The participation dashboard: distinct members per (round, unit), read from the index alone.
@Index('IDX_round_participants_round_unit_user', ['roundId', 'unitId', 'userId'], { where: '"best_attempt_id" IS NOT NULL' })
export class RoundParticipantEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_participants_round' })
  round?: Relation<RoundEntity>;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_round_participants_user' })
  user?: Relation<UserEntity>;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'attempts_used', type: 'integer', default: 0 })
  attemptsUsed!: number;

  @Column({ name: 'active_attempt_id', type: 'uuid', nullable: true })
  activeAttemptId!: string | null;

  @Column({ name: 'best_attempt_id', type: 'uuid', nullable: true })
  bestAttemptId!: string | null;

  @Column({ name: 'best_score', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  bestScore!: number | null;

  @Column({ name: 'best_duration_ms', type: 'integer', nullable: true })
  bestDurationMs!: number | null;

  @Column({ name: 'best_submitted_at', type: 'timestamptz', nullable: true })
  bestSubmittedAt!: Date | null;

  @Column({ name: 'best_prediction', type: 'integer', nullable: true })
  bestPrediction!: number | null;

  /**
   * The transaction (pg_current_xact_id) that last changed the best attempt. Leaderboard replicas
   * catch up by reading rows at or above the oldest transaction still running at their last read.
   */
  @Column({ name: 'board_txid', type: 'bigint', default: 0 })
  boardTxid!: string;
}
