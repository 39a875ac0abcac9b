import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CertificateBatchEntity } from './certificate-batch.entity.js';

@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get batches() {
    return this.dataSource.getRepository(CertificateBatchEntity);
  }

  create(batch: Omit<CertificateBatchEntity, 'id'>): Promise<CertificateBatchEntity> {
    return this.batches.save(this.batches.create(batch));
  }

  find(id: string): Promise<CertificateBatchEntity | null> {
    return this.batches.findOneBy({ id });
  }

  /** The round's batches, newest first (a few per round). */
  ofRound(roundId: string, limit: number): Promise<CertificateBatchEntity[]> {
    return this.batches.find({ where: { roundId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** The winners of the newest finished batch: what a member's own certificate says. */
  async latestWinners(roundId: string): Promise<number> {
    const [row] = await this.batches.find({ where: { roundId, status: 'done' }, order: { createdAt: 'DESC' }, take: 1 });
    return row?.winners ?? 0;
  }

  async progress(id: string, patch: Partial<Pick<CertificateBatchEntity, 'total' | 'done' | 'status' | 'finishedAt' | 'updatedAt'>>): Promise<void> {
    await this.batches.update({ id }, patch);
  }
}
