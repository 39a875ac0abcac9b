import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ContestEntity } from './contest.entity.js';

/**
 * Who manages a contest (API.md "Contest managers"): they, and admins, may change it and its rounds,
 * close, regrade and read its attempts, entries and exports; they may not take part in it.
 */
@Entity('contest_managers')
@Index('IDX_contest_managers_user', ['userId'])
export class ContestManagerEntity {
  @PrimaryColumn({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id', foreignKeyConstraintName: 'FK_contest_managers_contest' })
  contest?: Relation<ContestEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_contest_managers_user' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
