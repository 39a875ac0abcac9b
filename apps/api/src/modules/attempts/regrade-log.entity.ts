import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
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

  @CreateDateColumn({ name: 'performed_at', type: 'timestamptz' })
  performedAt!: Date;

  @Column({ type: 'jsonb' })
  questions!: RegradeResponse['questions'];

  @Column({ type: 'jsonb' })
  changed!: RegradeResponse['changed'];

  @Column({ name: 'rank_changes', type: 'integer' })
  rankChanges!: number;
}
