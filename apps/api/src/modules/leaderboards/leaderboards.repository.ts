import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, type Tx } from '../../common/database/tx.js';
import { RoundResultEntity } from './round-result.entity.js';

/** The only file of the leaderboards module that talks to TypeORM: the final boards. */
@Injectable()
export class LeaderboardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Bulk insert, 5,000 rows per statement through unnest. */
  async insertResults(tx: Tx, rows: Omit<RoundResultEntity, 'round'>[]): Promise<void> {
    const CHUNK = 5000;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await managerOf(tx).query(
        `INSERT INTO round_results (round_id, user_id, unit_id, rank, attempt_id, score, duration_ms, submitted_at, prediction, prediction_diff)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::uuid[], $6::numeric[], $7::int[], $8::timestamptz[], $9::int[], $10::int[])`,
        [
          chunk.map((r) => r.roundId),
          chunk.map((r) => r.userId),
          chunk.map((r) => r.unitId),
          chunk.map((r) => r.rank),
          chunk.map((r) => r.attemptId),
          chunk.map((r) => r.score),
          chunk.map((r) => r.durationMs),
          chunk.map((r) => r.submittedAt),
          chunk.map((r) => r.prediction),
          chunk.map((r) => r.predictionDiff),
        ],
      );
    }
  }

  async deleteResults(tx: Tx, roundId: string): Promise<void> {
    await managerOf(tx).query('DELETE FROM round_results WHERE round_id = $1', [roundId]);
  }

  /** A page by rank (UQ_round_results_rank) and the board size (the highest rank: one index probe, no count). */
  async resultsPage(roundId: string, offset: number, limit: number): Promise<{ total: number; rows: RoundResultEntity[] }> {
    const repository = this.dataSource.getRepository(RoundResultEntity);
    const [rows, [last]] = await Promise.all([
      repository.createQueryBuilder('r').where('r.round_id = :roundId AND r.rank > :offset', { roundId, offset }).orderBy('r.rank').take(limit).getMany(),
      this.dataSource.query('SELECT rank FROM round_results WHERE round_id = $1 ORDER BY rank DESC LIMIT 1', [roundId]),
    ]);
    return { total: last?.rank ?? 0, rows };
  }

  resultOf(roundId: string, userId: string): Promise<RoundResultEntity | null> {
    return this.dataSource.getRepository(RoundResultEntity).findOneBy({ roundId, userId });
  }
}
