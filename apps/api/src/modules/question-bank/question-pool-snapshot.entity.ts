import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DrawCandidate } from '@hoi-thi/contest-engine';

/**
 * A candidate pool as the draw saw it (every live question of a set of topics, with the version,
 * options and points drawn from), stored once under the SHA-256 of its canonical text: attempts
 * name the pool their paper came from, so any paper can be drawn again after the bank has changed.
 * Never updated or deleted.
 */
@Entity('question_pool_snapshots')
export class QuestionPoolSnapshotEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'jsonb' })
  candidates!: DrawCandidate[];

  /** The bank revision at which the pool was first stored (a later revision that left it unchanged reuses it). */
  @Column({ name: 'bank_revision', type: 'bigint' })
  bankRevision!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
