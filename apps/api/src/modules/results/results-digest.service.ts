import { Injectable } from '@nestjs/common';
import { ResultsRepository, type StoredDigest } from './results.repository.js';

/** How long a board read reuses a round's digest (a closed board is read by every phone and the display wall). */
const DIGEST_TTL_MS = 5_000;
const MAX_CACHED = 1_000;

/**
 * The SHA-256 of each closed round's results.csv (`round_result_digests`), written when a results
 * bundle is built and read by the public final board. Kept apart from the bundle so the boards can
 * read it without depending on what the bundle reads (the boards themselves).
 */
@Injectable()
export class ResultsDigestService {
  private readonly cache = new Map<string, { at: number; value: Promise<string | null> }>();

  constructor(private readonly results: ResultsRepository) {}

  /** The published digest of a closed round's results.csv; null until a bundle has been built. */
  resultsSha256(roundId: string): Promise<string | null> {
    const now = Date.now();
    const hit = this.cache.get(roundId);
    if (hit && now - hit.at < DIGEST_TTL_MS) return hit.value;
    const value = this.results.digestOf(roundId).then((digest) => digest?.resultsSha256 ?? null);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(roundId, { at: now, value });
    value.catch(() => this.cache.delete(roundId));
    return value;
  }

  /** Stores the digest of a results.csv just built; returns the different one it replaced, if any. */
  async record(roundId: string, digest: StoredDigest): Promise<StoredDigest | null> {
    const previous = await this.results.saveDigest(roundId, digest);
    this.cache.delete(roundId);
    return previous;
  }
}
