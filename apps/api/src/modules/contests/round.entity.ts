import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { BlueprintLineDto, ContestKind, GradingMode, PredictionActualKind, ReviewAfter, RubricCriterionDto } from '@hoi-thi/contracts';
import { ContestEntity } from './contest.entity.js';

/** A round (tuần thi / đợt thi) of a contest, with its own window, rules and board. */
@Entity('rounds')
@Index('UQ_rounds_contest_position', ['contestId', 'position'], { unique: true })
@Check('CHK_rounds_window', `"closes_at" > "opens_at"`)
@Check('CHK_rounds_kind', `"kind" IN ('quiz', 'essay')`)
@Check('CHK_rounds_time_limit', `"time_limit_seconds" IS NULL OR "time_limit_seconds" BETWEEN 5 AND 86400`)
@Check('CHK_rounds_freeze_minutes', `"freeze_minutes" BETWEEN 0 AND 10080`)
@Check('CHK_rounds_max_attempts', `"max_attempts" IS NULL OR "max_attempts" >= 1`)
export class RoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id', foreignKeyConstraintName: 'FK_rounds_contest' })
  contest?: Relation<ContestEntity>;

  /** 1, 2, 3 … in the order the rounds were added. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: ContestKind;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  /** Set by `POST /api/rounds/:id/close`: the board is final from then on. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The prediction question's actual value, fixed at close. */
  @Column({ name: 'actual_value', type: 'integer', nullable: true })
  actualValue!: number | null;

  // quiz rounds
  @Column({ name: 'time_limit_seconds', type: 'integer', nullable: true })
  timeLimitSeconds!: number | null;

  @Column({ name: 'max_attempts', type: 'integer', nullable: true })
  maxAttempts!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  blueprint!: BlueprintLineDto[] | null;

  @Column({ name: 'shuffle_questions', type: 'boolean', default: true })
  shuffleQuestions!: boolean;

  @Column({ name: 'shuffle_options', type: 'boolean', default: true })
  shuffleOptions!: boolean;

  @Column({ name: 'grading_mode', type: 'varchar', length: 16, default: 'all_or_nothing' })
  gradingMode!: GradingMode;

  @Column({ name: 'prediction_question', type: 'text', nullable: true })
  predictionQuestion!: string | null;

  @Column({ name: 'prediction_actual', type: 'varchar', length: 12, nullable: true })
  predictionActual!: PredictionActualKind | null;

  @Column({ name: 'review_after', type: 'varchar', length: 8, default: 'close' })
  reviewAfter!: ReviewAfter;

  /** The last minutes before close in which public boards stop changing (0 = no freeze). */
  @Column({ name: 'freeze_minutes', type: 'integer', default: 30 })
  freezeMinutes!: number;

  // essay rounds
  /** The essay's prompt (đề bài) the members write to; null = none given. */
  @Column({ type: 'text', nullable: true })
  prompt!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  rubric!: RubricCriterionDto[] | null;

  @Column({ name: 'judges_per_entry', type: 'integer', nullable: true })
  judgesPerEntry!: number | null;

  @Column({ name: 'min_words', type: 'integer', nullable: true })
  minWords!: number | null;

  @Column({ name: 'max_words', type: 'integer', nullable: true })
  maxWords!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
