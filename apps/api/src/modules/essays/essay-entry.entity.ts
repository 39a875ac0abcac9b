import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AttachmentKind } from '@hoi-thi/contracts';
import { RoundEntity } from '../contests/round.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A bài dự thi: one member's essay in one round. Judges know it by `code` only (rọc phách). A
 * finalist's entry in a final round is a copy of the preliminary one (`sourceEntryId`).
 */
@Entity('essay_entries')
@Index('UQ_essay_entries_round_number', ['roundId', 'number'], { unique: true })
// One entry per member and round; also serves "my entries".
@Index('UQ_essay_entries_round_author', ['roundId', 'authorId'], { unique: true })
@Check('CHK_essay_entries_attachment_kind', `"attachment_kind" IS NULL OR "attachment_kind" IN ('pdf', 'docx')`)
export class EssayEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_essay_entries_round' })
  round?: Relation<RoundEntity>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_essay_entries_author' })
  author?: Relation<UserEntity>;

  /** The author's unit when they submitted: judges from it, above it or below it are never assigned. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  /**
   * 1, 2, 3 … in the order entries reached the round (a final round's copies: in the order of their
   * codes). For the organizers only: it is the order of submission, so no judge ever sees it or a
   * list sorted by it.
   */
  @Column({ type: 'integer' })
  number!: number;

  /**
   * `BV-042917`: random (crypto), unique in the round, drawn afresh for a finalist's copy; never
   * derived from the number, the rank or an earlier code. Judges see it; published results never do.
   */
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'word_count', type: 'integer' })
  wordCount!: number;

  /** The preliminary entry a finalist's copy was shortlisted from. */
  @Column({ name: 'source_entry_id', type: 'uuid', nullable: true })
  sourceEntryId!: string | null;

  @ManyToOne(() => EssayEntryEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'source_entry_id', foreignKeyConstraintName: 'FK_essay_entries_source' })
  sourceEntry?: Relation<EssayEntryEntity> | null;

  /** First submission (a copy keeps the original's): equal scores rank the earlier one first. */
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Relative to DATA_DIR/uploads. */
  @Column({ name: 'attachment_path', type: 'varchar', length: 500, nullable: true })
  attachmentPath!: string | null;

  @Column({ name: 'attachment_kind', type: 'varchar', length: 8, nullable: true })
  attachmentKind!: AttachmentKind | null;

  @Column({ name: 'attachment_size', type: 'integer', nullable: true })
  attachmentSize!: number | null;

  /** As uploaded; it may name the author, so judges never see it. */
  @Column({ name: 'attachment_name', type: 'varchar', length: 255, nullable: true })
  attachmentName!: string | null;

  @Column({ name: 'attachment_uploaded_at', type: 'timestamptz', nullable: true })
  attachmentUploadedAt!: Date | null;
}
