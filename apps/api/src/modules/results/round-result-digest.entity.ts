import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RoundEntity } from '../contests/round.entity.js';

/**
 * The SHA-256 of a closed round's results.csv, shown on the public final board ("Mã kiểm chứng kết
 * quả"): anyone holding the round's results bundle can check that its results.csv is the one published.
 */
@Entity('round_result_digests')
export class RoundResultDigestEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @OneToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_result_digests_round' })
  round?: Relation<RoundEntity>;

  @Column({ name: 'results_sha256', type: 'varchar', length: 64 })
  resultsSha256!: string;

  /** Lines of results.csv (members ranked). */
  @Column({ type: 'integer' })
  ranks!: number;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
