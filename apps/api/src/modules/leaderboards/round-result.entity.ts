import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { numericColumn } from '../../common/database/numeric.js';
import { RoundEntity } from '../contests/round.entity.js';

/** The final board of a closed round, ranked once at close by the full ladder (prediction included). */
@Entity('round_results')
@Index('UQ_round_results_rank', ['roundId', 'rank'], { unique: true })
export class RoundResultEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_results_round' })
  round?: Relation<RoundEntity>;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ type: 'integer' })
  rank!: number;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  score!: number;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'integer', nullable: true })
  prediction!: number | null;

  @Column({ name: 'prediction_diff', type: 'integer', nullable: true })
  predictionDiff!: number | null;
}
