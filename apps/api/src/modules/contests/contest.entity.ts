import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ContestKind, ContestStatus } from '@hoi-thi/contracts';

@Entity('contests')
@Index('IDX_contests_status_created_at', ['status', 'createdAt'])
@Check('CHK_contests_kind', `"kind" IN ('quiz', 'essay')`)
@Check('CHK_contests_status', `"status" IN ('draft', 'published', 'finished')`)
export class ContestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 10 })
  kind!: ContestKind;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: ContestStatus;

  /** Units whose members (and sub-units' members) may take part; empty = everyone. */
  @Column({ name: 'eligible_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  eligibleUnitIds!: string[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
