import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuditAction } from '@hoi-thi/contracts';
import { managerOf, type Tx } from '../../common/database/tx.js';
import { AuditLogEntity } from './audit-log.entity.js';

export interface AuditSearch {
  action?: AuditAction;
  actorId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  async insert(entry: Omit<AuditLogEntity, 'id'>, tx?: Tx): Promise<void> {
    const repository = managerOf(tx)?.getRepository(AuditLogEntity) ?? this.log;
    await repository.save(repository.create(entry), { reload: false });
  }

  /** Newest first; ties (one transaction, one clock reading) in a fixed order so pages neither repeat nor skip. */
  search(query: AuditSearch): Promise<[AuditLogEntity[], number]> {
    const qb = this.log.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    return qb.take(query.limit).skip(query.offset).getManyAndCount();
  }
}
