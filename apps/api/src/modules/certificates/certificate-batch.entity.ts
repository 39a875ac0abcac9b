import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateBatchStatus = 'running' | 'done' | 'failed';

/**
 * A manager's bulk job: every participant's certificate of a closed round in one zip, the first
 * `winners` ranks as winners. The latest finished batch also says which members' own downloads are
 * winner certificates. Progress lives here (not in one process's memory) so any replica can report it.
 */
@Entity('certificate_batches')
@Index('IDX_certificate_batches_round', ['roundId', 'createdAt'])
export class CertificateBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ type: 'integer' })
  winners!: number;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CertificateBatchStatus;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Bumped with each step of progress: a running batch not heard of for a while died with its process. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
