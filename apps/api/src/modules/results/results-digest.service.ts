import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { ResultsRepository, type StoredDigest } from './results.repository.js';

/**
 * The SHA-256 of each closed round's results.csv (`round_result_digests`), written when a results
 * bundle is built and read by the public final board. Kept apart from the bundle so the boards can
 * read it without depending on what the bundle reads (the boards themselves).
 */
@Injectable()
export class ResultsDigestService {
  /** A board read reuses a round's digest for 5 s (a closed board is read by every phone and the display wall). */
  private readonly cache = new BoundedCache<string, { sha256: string | null }>({ max: 1_000, ttlMs: 5_000 });

  constructor(private readonly results: ResultsRepository) {}

  /** The published digest of a closed round's results.csv; null until a bundle has been built. */
  async resultsSha256(roundId: string): Promise<string | null> {
    const read = async () => ({ sha256: (await this.results.digestOf(roundId))?.resultsSha256 ?? null });
    return (this.cache.get(roundId) ?? (await this.cache.load(roundId, read))).sha256;
  }

  /** Stores the digest of a results.csv just built; returns the different one it replaced, if any. */
  async record(roundId: string, digest: StoredDigest): Promise<StoredDigest | null> {
    const previous = await this.results.saveDigest(roundId, digest);
    this.cache.delete(roundId);
    return previous;
  }
}
