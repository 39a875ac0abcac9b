import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AttemptStatus, QuestionType } from '@hoi-thi/contracts';
import { numericColumn } from '../../common/database/numeric.js';
import { RoundEntity } from '../contests/round.entity.js';
import { QuestionPoolSnapshotEntity } from '../question-bank/question-pool-snapshot.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** One question of a drawn paper, in the order the member sees it. */
export interface PaperItem {
  questionId: string;
  /** Pinned at start: what the member was shown. */
  versionId: string;
  /** The version whose key grades it; differs from versionId after a regrade against a corrected key. */
  keyVersionId?: string;
  points: number;
  optionOrder: string[];
}

/** What the guarded save statement checks in SQL: questionId → allowed options and how many may be chosen. */
export type AnswerSpecs = Record<string, { o: string[]; m: number; t: QuestionType }>;

/** A lượt thi: one member's timed try at a round, with the paper drawn for it. */
@Entity('attempts')
@Index('IDX_attempts_round_user', ['roundId', 'userId'])
// A member's history across contests, newest first.
@Index('IDX_attempts_user_started', ['userId', 'startedAt'])
// One active attempt per member and round, whatever races happen above it.
@Index('UQ_attempts_active_per_member', ['roundId', 'userId'], { unique: true, where: `"status" = 'active'` })
// The sweeper's scan: active attempts by deadline.
@Index('IDX_attempts_active_deadline', ['deadline'], { where: `"status" = 'active'` })
@Check('CHK_attempts_status', `"status" IN ('active', 'submitted', 'expired')`)
@Check('CHK_attempts_prediction', `"prediction" IS NULL OR "prediction" >= 0`)
export class AttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_attempts_round' })
  round?: Relation<RoundEntity>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_attempts_user' })
  user?: Relation<UserEntity>;

  /** The member's unit when they started (unit boards count it there). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  /** 1 for the member's first attempt in the round, 2 for the second … */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: AttemptStatus;

  /** Same seed and same candidates, same paper: any attempt can be re-derived for an audit. */
  @Column({ type: 'varchar', length: 64 })
  seed!: string;

  @Column({ type: 'jsonb' })
  paper!: PaperItem[];

  /** The candidate pool the paper was drawn from (seed + pool = paper); null for attempts that predate stored pools. */
  @Column({ name: 'pool_snapshot_id', type: 'varchar', length: 64, nullable: true })
  poolSnapshotId!: string | null;

  @ManyToOne(() => QuestionPoolSnapshotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pool_snapshot_id', foreignKeyConstraintName: 'FK_attempts_pool_snapshot' })
  poolSnapshot?: Relation<QuestionPoolSnapshotEntity>;

  @Column({ name: 'answer_specs', type: 'jsonb' })
  answerSpecs!: AnswerSpecs;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  score!: number | null;

  @Column({ name: 'max_score', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numericColumn })
  maxScore!: number | null;

  @Column({ name: 'correct_count', type: 'integer', nullable: true })
  correctCount!: number | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** The answer to the round's prediction question (câu hỏi dự đoán). */
  @Column({ type: 'integer', nullable: true })
  prediction!: number | null;
}
