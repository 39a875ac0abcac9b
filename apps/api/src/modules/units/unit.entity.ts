import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** A union unit: TLĐ → LĐLĐ / công đoàn ngành → CĐCS (grassroots). See GLOSSARY.md. */
@Entity('units')
@Check('CHK_units_member_count', '"member_count" >= 0')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Index('IDX_units_parent_id')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_units_parent' })
  parent?: Relation<UnitEntity> | null;

  /** Official number of members, the denominator of the participation rate. */
  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
