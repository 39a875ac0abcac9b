import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { numericColumn } from '../../common/database/numeric.js';
import { RoundEntity } from '../contests/round.entity.js';

/**
 * The essay side of a round: the entry counter, the judge pool and seed of the assignment, the
 * judging lock, publication and the shortlist that fed a final round. Every change to a round's
 * entries or assignments locks this row first, so they serialize per round.
 */
@Entity('essay_round_states')
export class EssayRoundStateEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @OneToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_essay_round_states_round' })
  round?: Relation<RoundEntity>;

  /** The last entry number handed out (codes are sequential per round). */
  @Column({ name: 'last_entry_number', type: 'integer', default: 0 })
  lastEntryNumber!: number;

  /** Same entries, judges and seed: same assignment (an audit can re-derive it). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  seed!: string | null;

  /** The pool the assignment drew from; replacements and extra judges come from it too. */
  @Column({ name: 'judge_ids', type: 'uuid', array: true, default: () => "'{}'" })
  judgeIds!: string[];

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ name: 'judging_locked_at', type: 'timestamptz', nullable: true })
  judgingLockedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  normalize!: boolean;

  /** Null: 20% of the rubric's highest total. */
  @Column({ name: 'discrepancy_threshold', type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: numericColumn })
  discrepancyThreshold!: number | null;

  @Column({ name: 'results_published_at', type: 'timestamptz', nullable: true })
  resultsPublishedAt!: Date | null;

  /** Whether the published ranking is by the normalised mean. */
  @Column({ name: 'published_normalize', type: 'boolean', nullable: true })
  publishedNormalize!: boolean | null;

  /** A final round (chung khảo): the preliminary round its entries were shortlisted from. */
  @Column({ name: 'source_round_id', type: 'uuid', nullable: true })
  sourceRoundId!: string | null;

  @ManyToOne(() => RoundEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'source_round_id', foreignKeyConstraintName: 'FK_essay_round_states_source_round' })
  sourceRound?: Relation<RoundEntity> | null;

  @Column({ name: 'shortlisted_at', type: 'timestamptz', nullable: true })
  shortlistedAt!: Date | null;
}
