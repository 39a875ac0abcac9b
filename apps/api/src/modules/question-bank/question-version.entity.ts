import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Difficulty, QuestionType } from '@hoi-thi/contracts';
import { QuestionEntity } from './question.entity.js';

export interface StoredOption {
  /** Stable across versions when an edit keeps the option, so answers and regrades still match. */
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
}

/** One immutable version of a question: what an attempt pins. */
@Entity('question_versions')
@Index('UQ_question_versions_question_version', ['questionId', 'version'], { unique: true })
@Check('CHK_question_versions_points', `"points" > 0`)
export class QuestionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'FK_question_versions_question' })
  question?: Relation<QuestionEntity>;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  type!: QuestionType;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb' })
  options!: StoredOption[];

  @Column({ type: 'varchar', length: 6 })
  difficulty!: Difficulty;

  /** numeric(6,2): pg returns it as a string; the repository converts. */
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 1, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  points!: number;

  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
