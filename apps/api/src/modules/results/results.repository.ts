import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredDigest {
  resultsSha256: string;
  ranks: number;
  computedAt: Date;
}

/** The one file of the results module that talks to the database: `round_result_digests`. */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async digestOf(roundId: string): Promise<StoredDigest | null> {
    const [row]: { results_sha256: string; ranks: number; computed_at: Date }[] = await this.dataSource.query(
      'SELECT results_sha256, ranks, computed_at FROM round_result_digests WHERE round_id = $1',
      [roundId],
    );
    return row ? { resultsSha256: row.results_sha256, ranks: row.ranks, computedAt: row.computed_at } : null;
  }

  /** Stores the digest; returns the one it replaced (null when first, or unchanged when the same). */
  async saveDigest(roundId: string, digest: StoredDigest): Promise<StoredDigest | null> {
    const [row]: { previous_sha256: string | null; previous_ranks: number | null; previous_at: Date | null }[] = await this.dataSource.query(
      // \`previous\` reads the statement's snapshot: the row as it was before this upsert (a FOR UPDATE
      // there would skip the row the upsert itself changes).
      `WITH previous AS (SELECT results_sha256, ranks, computed_at FROM round_result_digests WHERE round_id = $1)
       INSERT INTO round_result_digests AS d (round_id, results_sha256, ranks, computed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (round_id) DO UPDATE SET results_sha256 = EXCLUDED.results_sha256, ranks = EXCLUDED.ranks, computed_at = EXCLUDED.computed_at
        WHERE d.results_sha256 <> EXCLUDED.results_sha256
       RETURNING (SELECT results_sha256 FROM previous) AS previous_sha256, (SELECT ranks FROM previous) AS previous_ranks,
                 (SELECT computed_at FROM previous) AS previous_at`,
      [roundId, digest.resultsSha256, digest.ranks, digest.computedAt],
    );
    return row?.previous_sha256 ? { resultsSha256: row.previous_sha256, ranks: row.previous_ranks!, computedAt: row.previous_at! } : null;
  }
}
