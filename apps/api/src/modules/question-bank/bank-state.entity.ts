import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose revision grows in the same transaction as every change to what the draw may pick
 * (a question created, edited, archived, imported). Starting an attempt reads it (one indexed row)
 * and reuses its cached candidate pool while it is unchanged.
 */
@Entity('question_bank_state')
export class BankStateEntity {
  @PrimaryColumn({ type: 'integer', default: 1 })
  id!: number;

  @Column({ type: 'bigint', default: 0 })
  revision!: string;
}
