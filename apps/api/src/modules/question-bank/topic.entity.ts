import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** A folder of the question bank; topics nest (GIFT `$CATEGORY: a/b` makes sub-topics). */
@Entity('topics')
// Unique name among siblings, top level included (NULLS NOT DISTINCT, written in the migration).
@Index('UQ_topics_parent_name', { synchronize: false })
export class TopicEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('IDX_topics_parent_id')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => TopicEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_topics_parent' })
  parent?: Relation<TopicEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
