import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AssignmentKind, AssignmentStatus, CriterionScoreDto } from '@hoi-thi/contracts';
import { numericColumn } from '../../common/database/numeric.js';
import { RoundEntity } from '../contests/round.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { EssayEntryEntity } from './essay-entry.entity.js';

/** One judge on one entry, and their rubric scores once given. */
@Entity('essay_assignments')
// A judge is on an entry at most once, conflicts included: a judge who declared one never gets it back.
@Index('UQ_essay_assignments_entry_judge', ['entryId', 'judgeId'], { unique: true })
@Index('IDX_essay_assignments_judge_round', ['judgeId', 'roundId'])
@Index('IDX_essay_assignments_round', ['roundId'])
@Check('CHK_essay_assignments_kind', `"kind" IN ('initial', 'replacement', 'extra')`)
@Check('CHK_essay_assignments_status', `"status" IN ('pending', 'scored', 'conflict')`)
export class EssayAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_essay_assignments_round' })
  round?: Relation<RoundEntity>;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @ManyToOne(() => EssayEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'FK_essay_assignments_entry' })
  entry?: Relation<EssayEntryEntity>;

  @Column({ name: 'judge_id', type: 'uuid' })
  judgeId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_id', foreignKeyConstraintName: 'FK_essay_assignments_judge' })
  judge?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 12, default: 'initial' })
  kind!: AssignmentKind;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: AssignmentStatus;

  /** Per criterion, in the rubric's order. */
  @Column({ type: 'jsonb', nullable: true })
  scores!: CriterionScoreDto[] | null;

  /** Σ points × weight, 4 decimals (the engine's rubricTotal). */
  @Column({ type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: numericColumn })
  total!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'scored_at', type: 'timestamptz', nullable: true })
  scoredAt!: Date | null;

  @Column({ name: 'conflict_at', type: 'timestamptz', nullable: true })
  conflictAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
