import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { ContestStatus } from '@hoi-thi/contracts';
import { ContestEntity } from './contest.entity.js';

@Injectable()
export class ContestsRepository {
  constructor(@InjectRepository(ContestEntity) private readonly contests: Repository<ContestEntity>) {}

  /** Served by IDX_contests_status_created_at. */
  list(statuses: ContestStatus[], limit: number, offset: number): Promise<[ContestEntity[], number]> {
    return this.contests.findAndCount({
      where: { status: In(statuses) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  findById(id: string): Promise<ContestEntity | null> {
    return this.contests.findOneBy({ id });
  }
}
