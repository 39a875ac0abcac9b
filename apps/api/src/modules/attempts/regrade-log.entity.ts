import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RegradeResponse } from '@hoi-thi/contracts';

/** The audit trail of regrades: who, when, which keys, which scores changed. */
@Entity('regrade_log')
@Index('IDX_regrade_log_round', ['roundId', 'performedAt'])
export class RegradeLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ name: 'performed_by', type: 'uuid' })
  performedBy!: string;

  /** The application's clock (like every other time of an attempt), not the database's. */
  @Column({ name: 'performed_at', type: 'timestamptz', default: () => 'now()' })
  performedAt!: Date;

  @Column({ type: 'jsonb' })
  questions!: RegradeResponse['questions'];

  @Column({ type: 'jsonb' })
  changed!: RegradeResponse['changed'];

  @Column({ name: 'rank_changes', type: 'integer' })
  rankChanges!: number;
}
