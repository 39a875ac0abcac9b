import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Difficulty, QuestionStatus, QuestionType } from '@hoi-thi/contracts';
import { TopicEntity } from './topic.entity.js';

/**
 * A question's identity and a copy of its newest version's fields, so that listing, search and the
 * draw read one row. Every edit adds a `QuestionVersionEntity`; attempts pin the version they drew.
 */
@Entity('questions')
@Index('IDX_questions_draw', ['topicId', 'status', 'difficulty'])
@Index('IDX_questions_topic_normalized', ['topicId', 'normalizedText'])
// Trigram index on the folded text for diacritic-insensitive search (in the migration).
@Index('IDX_questions_search_trgm', { synchronize: false })
@Check('CHK_questions_status', `"status" IN ('active', 'archived')`)
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'topic_id', type: 'uuid' })
  topicId!: string;

  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id', foreignKeyConstraintName: 'FK_questions_topic' })
  topic?: Relation<TopicEntity>;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: QuestionStatus;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion!: number;

  @Column({ name: 'current_version_id', type: 'uuid' })
  currentVersionId!: string;

  @Column({ type: 'varchar', length: 12 })
  type!: QuestionType;

  @Column({ type: 'varchar', length: 6 })
  difficulty!: Difficulty;

  @Column({ type: 'text' })
  text!: string;

  /** Lower-cased, whitespace-collapsed text: duplicate detection within a topic. */
  @Column({ name: 'normalized_text', type: 'text' })
  normalizedText!: string;

  /** Text and options with Vietnamese diacritics folded ("bầu cử" → "bau cu"): search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
