import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Zip, ZipPassThrough } from 'fflate';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestsService } from '../contests/contests.service.js';
import { LeaderboardsService } from '../leaderboards/leaderboards.service.js';
import { ResultsDigestService } from '../results/results-digest.service.js';
import type { CertificateBatchEntity } from './certificate-batch.entity.js';
import type { CertificateContent } from './certificate-pdf.js';
import { CertificateRenderer } from './certificate-renderer.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CertificateErrors } from './certificates.errors.js';

/** Board rows read per step of a bulk job. */
const PAGE = 200;
/** A running batch whose progress has not moved for this long died with its process. */
const STALE_MS = 60_000;
/** Progress is written at most this often (one UPDATE, not one per certificate). */
const PROGRESS_EVERY_MS = 1_000;

/**
 * Certificates of a closed quiz round: a member downloads their own (a winner's when their final rank
 * is within the winners of the latest bulk job, else a participation certificate); managers build every
 * participant's into one zip, with progress any replica can report. Ranks and scores come from the
 * final board, the same rows the results bundle and its hash are made of.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger(CertificatesService.name);
  private readonly dir: string;

  constructor(
    private readonly repository: CertificatesRepository,
    private readonly renderer: CertificateRenderer,
    private readonly contests: ContestsService,
    private readonly boards: LeaderboardsService,
    private readonly digests: ResultsDigestService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dir = join(config.dataDir, 'certificates');
  }

  async mine(user: AuthUser, roundId: string): Promise<{ pdf: Uint8Array; filename: string }> {
    const { round, contest } = await this.closedRound(user, roundId);
    const { board, row } = await this.boards.myRank(user, roundId);
    if (!row) throw CertificateErrors.error('CERTIFICATE.NOT_PARTICIPANT');
    const [winners, resultsSha256] = await Promise.all([this.repository.latestWinners(roundId), this.digests.resultsSha256(roundId)]);
    const profile = board.profiles.get(user.id);
    const pdf = await this.renderer.render({
      kind: row.rank <= winners ? 'winner' : 'participation',
      fullName: profile?.fullName ?? '',
      unitName: profile?.unitName ?? null,
      contestTitle: contest.title,
      roundTitle: round.title,
      rank: row.rank,
      total: board.total,
      score: row.score,
      maxScore: null,
      closedAt: round.closedAt!,
      resultsSha256,
    });
    return { pdf, filename: `chung-nhan-${row.rank}.pdf` };
  }

  /** Starts a bulk job and returns at once; the zip is written in the background. */
  async startBatch(user: AuthUser, roundId: string, winners: number): Promise<CertificateBatchEntity> {
    await this.closedRound(user, roundId);
    const now = this.clock.now();
    const batch = await this.repository.create({ roundId, winners, requestedBy: user.id, status: 'running', total: 0, done: 0, createdAt: now, updatedAt: now, finishedAt: null });
    await this.audit.record({ actorId: user.id, action: 'round.certificates', targetType: 'round', targetId: roundId, details: { batchId: batch.id, winners } });
    void this.build(user, batch).catch(async (error: Error) => {
      this.logger.error(`Certificate batch ${batch.id} failed: ${error.message}`);
      await this.repository.progress(batch.id, { status: 'failed', finishedAt: this.clock.now(), updatedAt: this.clock.now() }).catch(() => undefined);
    });
    return batch;
  }

  async batches(roundId: string): Promise<CertificateBatchEntity[]> {
    return (await this.repository.ofRound(roundId, 10)).map((batch) => this.withStaleness(batch));
  }

  async batch(roundId: string, id: string): Promise<CertificateBatchEntity> {
    const batch = await this.repository.find(id);
    if (!batch || batch.roundId !== roundId) throw CertificateErrors.error('CERTIFICATE.BATCH_NOT_FOUND');
    return this.withStaleness(batch);
  }

  /** The finished zip's path. */
  async batchFile(roundId: string, id: string): Promise<string> {
    const batch = await this.batch(roundId, id);
    if (batch.status !== 'done') throw CertificateErrors.error('CERTIFICATE.BATCH_NOT_READY', { status: batch.status });
    return this.zipPath(batch.id);
  }

  private withStaleness(batch: CertificateBatchEntity): CertificateBatchEntity {
    if (batch.status === 'running' && this.clock.now().getTime() - batch.updatedAt.getTime() > STALE_MS) return { ...batch, status: 'failed' };
    return batch;
  }

  private zipPath(id: string): string {
    return join(this.dir, `${id}.zip`);
  }

  private async closedRound(user: AuthUser, roundId: string) {
    const { round, contest } = await this.contests.getRound(user, roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    if (!round.closedAt) throw CertificateErrors.error('CERTIFICATE.ROUND_NOT_CLOSED', { closesAt: round.closesAt.toISOString() });
    return { round, contest };
  }

  /** Every row of the final board, a page at a time, into a zip written to a temporary file and renamed when whole. */
  private async build(user: AuthUser, batch: CertificateBatchEntity): Promise<void> {
    const { round, contest } = await this.closedRound(user, batch.roundId);
    const resultsSha256 = await this.digests.resultsSha256(batch.roundId);
    await mkdir(this.dir, { recursive: true });
    const path = this.zipPath(batch.id);
    const partial = `${path}.part`;
    const out = createWriteStream(partial);
    const written = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    const zip = new Zip((error, chunk, final) => {
      if (error) out.destroy(error);
      else {
        out.write(chunk);
        if (final) out.end();
      }
    });
    try {
      let done = 0;
      let total = 0;
      let reported = 0;
      for (let offset = 0; offset === 0 || offset < total; offset += PAGE) {
        const page = await this.boards.roundBoard(user, batch.roundId, offset, PAGE);
        total = page.total;
        for (const row of page.rows) {
          const profile = page.profiles.get(row.userId);
          const content: CertificateContent = {
            kind: row.rank <= batch.winners ? 'winner' : 'participation',
            fullName: profile?.fullName ?? '',
            unitName: profile?.unitName ?? null,
            contestTitle: contest.title,
            roundTitle: round.title,
            rank: row.rank,
            total,
            score: row.score,
            maxScore: null,
            closedAt: round.closedAt!,
            resultsSha256,
          };
          // PDFs are compressed already: stored, not deflated again.
          const entry = new ZipPassThrough(`${content.kind === 'winner' ? 'giai' : 'tham-gia'}/${String(row.rank).padStart(6, '0')}-${row.userId}.pdf`);
          zip.add(entry);
          entry.push(await this.renderer.render(content), true);
          done++;
          const now = this.clock.now();
          if (now.getTime() - reported >= PROGRESS_EVERY_MS) {
            reported = now.getTime();
            await this.repository.progress(batch.id, { total, done, updatedAt: now });
          }
        }
        if (!page.rows.length) break;
      }
      zip.end();
      await written;
      await rename(partial, path);
      await this.repository.progress(batch.id, { total, done, status: 'done', finishedAt: this.clock.now(), updatedAt: this.clock.now() });
    } catch (error) {
      zip.terminate();
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }
}
