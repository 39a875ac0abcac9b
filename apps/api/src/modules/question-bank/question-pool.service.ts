import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalPoolText, createDrawPool, type DrawCandidate, type DrawPool, type TopicAvailability } from '@hoi-thi/contest-engine';
import type { QuestionType } from '@hoi-thi/contracts';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import type { Tx } from '../../common/database/tx.js';
import { QuestionPoolRepository, type VersionRow } from './question-pool.repository.js';
import type { StoredOption } from './question-version.entity.js';

/** An immutable question version as attempts use it (shown, graded, reviewed). */
export interface PinnedVersion {
  versionId: string;
  questionId: string;
  type: QuestionType;
  text: string;
  options: StoredOption[];
  points: number;
  explanation: string | null;
}

interface CachedPool {
  revision: string;
  pool: DrawPool;
  /** SHA-256 of the pool's canonical text: the `question_pool_snapshots` row attempts point at. */
  snapshotId: string;
  /** The snapshot row is committed (written outside a transaction): no start needs to write it again. */
  stored: boolean;
}

/** A pool to draw from and the stored snapshot that names it. */
export interface SnapshotPool {
  pool: DrawPool;
  snapshotId: string;
}

/** A stored candidate pool, for re-deriving papers (results bundle). */
export interface PoolSnapshot {
  id: string;
  bankRevision: string;
  candidates: DrawCandidate[];
}

const toPinned = (row: VersionRow): PinnedVersion => ({
  versionId: row.id,
  questionId: row.question_id,
  type: row.type,
  text: row.text,
  options: row.options,
  points: Number(row.points),
  explanation: row.explanation,
});

/**
 * What the draw may pick and the versions attempts pinned, for the attempts module, with the
 * per-request work done once: versions never change (cached by id for good), and the candidate
 * pool of a set of topics is reused while the bank's revision (one row, bumped in the same
 * transaction as every bank change) stays the same. A start therefore reads one row, not the bank.
 */
@Injectable()
export class QuestionPoolService {
  /**
   * By set of topics (the blueprint's), each checked against the bank's revision when read: an edited
   * blueprint asks for another set, so round edits need not clear it.
   */
  private readonly pools = new BoundedCache<string, CachedPool>({ max: 200 });
  /** Immutable: kept until evicted. */
  private readonly versions = new BoundedCache<string, PinnedVersion>({ max: 50_000 });

  constructor(private readonly repository: QuestionPoolRepository) {}

  /** Live questions (newest version) of these topics, prepared for the draw (sorted and grouped once per bank revision). */
  async drawPool(topicIds: string[], tx?: Tx, knownRevision?: string): Promise<DrawPool> {
    return (await this.snapshotPool(topicIds, tx, knownRevision)).pool;
  }

  /**
   * The draw pool and the id of its stored snapshot. The snapshot is written when the pool is built
   * (an idempotent insert keyed by its hash), not per start: a start on a cached pool writes nothing.
   * Inside a transaction it is written in that transaction (a rollback takes it back, so it is not
   * counted as stored and the next draw writes it again); the hot path runs outside one.
   */
  async snapshotPool(topicIds: string[], tx?: Tx, knownRevision?: string): Promise<SnapshotPool> {
    const key = [...new Set(topicIds)].sort().join(',');
    // The caller may have read the revision already (a start reads it with the round).
    const revision = knownRevision ?? (await this.repository.bankRevision(tx));
    const cached = this.pools.get(key);
    if (cached && cached.revision === revision) {
      if (!cached.stored) await this.storeSnapshot(cached, tx);
      return cached;
    }

    const rows = await this.repository.liveVersions([...new Set(topicIds)], tx);
    const candidates = rows.map((row) => {
      this.remember(toPinned(row));
      return {
        questionId: row.question_id,
        versionId: row.id,
        topicId: row.topic_id,
        difficulty: row.difficulty,
        optionIds: row.options.map((o) => o.id),
        points: Number(row.points),
      };
    });
    const pool = createDrawPool(candidates);
    const snapshotId = createHash('sha256').update(canonicalPoolText(candidates)).digest('hex');
    // A bank change outside these topics leaves the pool as it was: its snapshot is already stored.
    const entry: CachedPool = { revision, pool, snapshotId, stored: cached?.snapshotId === snapshotId && cached.stored };
    if (!entry.stored) await this.storeSnapshot(entry, tx);
    this.pools.set(key, entry);
    return entry;
  }

  /** Writes the pool's snapshot unless it exists (same hash, same content: another process or revision wrote it). */
  private async storeSnapshot(entry: CachedPool, tx?: Tx): Promise<void> {
    entry.stored = await this.repository.insertSnapshot(entry.snapshotId, entry.pool.sorted, entry.revision, tx);
  }

  /** Stored pools by id (the results bundle re-derives papers from them). */
  async snapshots(ids: string[], tx?: Tx): Promise<PoolSnapshot[]> {
    if (!ids.length) return [];
    const rows = await this.repository.snapshots([...new Set(ids)], tx);
    return rows.map((row) => ({ id: row.id, bankRevision: row.bank_revision, candidates: row.candidates }));
  }

  /** Counts per (topic, difficulty) of live questions: publish checks and the round builder. */
  async availability(topicIds?: string[], tx?: Tx): Promise<TopicAvailability[]> {
    const rows = await this.repository.availability(topicIds, tx);
    return rows.map((row) => ({ topicId: row.topic_id, difficulty: row.difficulty, count: row.count }));
  }

  async existingTopicIds(topicIds: string[], tx?: Tx): Promise<Set<string>> {
    return new Set(await this.repository.existingTopicIds([...new Set(topicIds)], tx));
  }

  /** The newest version id of each question (regrade: which keys were corrected). */
  async currentVersionIds(questionIds: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!questionIds.length) return new Map();
    const rows = await this.repository.currentVersionIds(questionIds, tx);
    return new Map(rows.map((row) => [row.id, row.current_version_id]));
  }

  /** Versions by id, from memory when seen before; the rest in one query. */
  async pinned(versionIds: string[], tx?: Tx): Promise<Map<string, PinnedVersion>> {
    const found = new Map<string, PinnedVersion>();
    const missing: string[] = [];
    for (const id of new Set(versionIds)) {
      const version = this.versions.get(id);
      if (version) found.set(id, version);
      else missing.push(id);
    }
    if (missing.length) {
      const rows = await this.repository.versions(missing, tx);
      for (const row of rows) found.set(row.id, this.remember(toPinned(row)));
    }
    return found;
  }

  private remember(version: PinnedVersion): PinnedVersion {
    this.versions.set(version.versionId, version);
    return version;
  }
}
