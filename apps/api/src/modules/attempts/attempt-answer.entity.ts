import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AttemptEntity } from './attempt.entity.js';

/** The member's current answer to one question of an attempt: one row, upserted on every save. */
@Entity('attempt_answers')
export class AttemptAnswerEntity {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId!: string;

  @ManyToOne(() => AttemptEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id', foreignKeyConstraintName: 'FK_attempt_answers_attempt' })
  attempt?: Relation<AttemptEntity>;

  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Column({ name: 'option_ids', type: 'jsonb' })
  optionIds!: string[];

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  /** 1 on the first save, +1 on each later one: the acknowledged write with the highest revision is stored. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;
}
