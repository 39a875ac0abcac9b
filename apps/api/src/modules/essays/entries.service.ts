import { randomInt } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { checkWordLimits, countWords, drawEntryCodes, roundPhase } from '@hoi-thi/contest-engine';
import type { AttachmentKind } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { isUniqueViolation } from '../../common/database/sql.js';
import type { Tx } from '../../common/database/tx.js';
import type { ContestEntity } from '../contests/contest.entity.js';
import { ContestAccess, type ContestantSource } from '../contests/contest-access.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { ContestsService } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { checkAttachment } from './attachments/attachment-content.js';
import type { UploadedFile } from './attachments/attachment-form.js';
import { AttachmentStore } from './attachments/attachment-store.js';
import type { EssayEntryEntity } from './essay-entry.entity.js';
import { EssayErrors } from './essays.errors.js';
import { EssaysRepository } from './essays.repository.js';

/** An entry and whether its author may still change it. */
export interface EntryView {
  entry: EssayEntryEntity;
  editable: boolean;
}

export interface OrganizerEntryView extends EntryView {
  authorName: string;
  unitName: string | null;
}

export interface AttachmentDownload {
  file: Buffer;
  kind: AttachmentKind;
  code: string;
}

/** Candidate codes checked at once for a new entry: in all but enormous rounds the first is free. */
const CODE_CANDIDATES = 8;
/** Batches of candidates before giving up (the engine caps a round far below where this could run out). */
const CODE_ATTEMPTS = 32;

/**
 * Entries (bài dự thi): submit, edit until the round closes, one attachment. Each use case runs in
 * one transaction. A new entry's number (the order of submission, for the organizers) comes from
 * the round's essay state row, locked until commit; its code is random (`crypto.randomInt`) and,
 * under that same lock, checked to be unused in the round, so codes are unique however many
 * members submit at once and tell the judges nothing about who came first.
 */
@Injectable()
export class EntriesService implements ContestantSource, OnModuleInit {
  private readonly logger = new Logger(EntriesService.name);

  constructor(
    private readonly essays: EssaysRepository,
    private readonly contests: ContestsService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
    private readonly access: ContestAccess,
  ) {}

  onModuleInit(): void {
    this.access.registerContestantSource(this);
  }

  async submit(user: AuthUser, roundId: string, title: string, body: string): Promise<EntryView> {
    const now = this.clock.now();
    const wordCount = countWords(body);
    try {
      return await this.essays.transaction(async (tx) => {
        const { round, contest } = await this.contests.getRound(user, roundId, tx);
        assertAcceptsEntries(round, contest, now);
        await this.assertNotStaff(user, contest.id, tx);
        if (!user.unitId) throw EssayErrors.error('ENTRY.UNIT_REQUIRED');
        await this.assertEligible(user, contest, tx);
        assertWordLimits(wordCount, round);
        const existing = await this.essays.findEntryOf(round.id, user.id, tx);
        if (existing) throw EssayErrors.error('ENTRY.ALREADY_SUBMITTED', {}, undefined, { entryId: existing.id });
        // Locks the round's state row until commit: keep what follows short.
        const { number, sourceRoundId } = await this.essays.nextEntryNumber(tx, round.id);
        if (sourceRoundId) throw EssayErrors.error('ESSAY.FINAL_ROUND');
        const code = await this.freeCode(round.id, tx);
        const entry = await this.essays.insertEntry(
          {
            roundId: round.id,
            authorId: user.id,
            unitId: user.unitId,
            number,
            code,
            title,
            body,
            wordCount,
            sourceEntryId: null,
            submittedAt: now,
            updatedAt: now,
            attachmentPath: null,
            attachmentKind: null,
            attachmentSize: null,
            attachmentName: null,
            attachmentUploadedAt: null,
          },
          tx,
        );
        return { entry, editable: true };
      });
    } catch (error) {
      // A member's two submissions racing each other: the second one's insert hits the unique index.
      if (isUniqueViolation(error, 'UQ_essay_entries_round_author')) throw EssayErrors.error('ENTRY.ALREADY_SUBMITTED');
      throw error;
    }
  }

  /** Replaces title and body while the round is open. */
  async update(user: AuthUser, entryId: string, title: string, body: string): Promise<EntryView> {
    const now = this.clock.now();
    const wordCount = countWords(body);
    return this.essays.transaction(async (tx) => {
      const entry = await this.essays.findEntry(entryId, tx, true);
      const round = await this.assertEditable(user, entry, now, tx);
      assertWordLimits(wordCount, round);
      entry!.title = title;
      entry!.body = body;
      entry!.wordCount = wordCount;
      entry!.updatedAt = now;
      return { entry: await this.essays.saveEntry(entry!, tx), editable: true };
    });
  }

  async mine(user: AuthUser, roundId: string): Promise<EntryView[]> {
    const { round, contest } = await this.contests.getRound(user, roundId);
    const entries = await this.essays.entriesOfAuthor(round.id, user.id);
    return entries.map((entry) => ({ entry, editable: isEditable(entry, round, contest, this.clock.now()) }));
  }

  /** The author reads their entry; organizers read any. */
  async get(user: AuthUser, entryId: string): Promise<EntryView> {
    const entry = await this.readable(user, entryId);
    const { round, contest } = await this.contests.roundById(entry.roundId);
    return { entry, editable: entry.authorId === user.id && isEditable(entry, round, contest, this.clock.now()) };
  }

  /** Every entry of a round with its author, for the organizers. */
  async listForOrganizer(roundId: string, limit: number, offset: number): Promise<[OrganizerEntryView[], number]> {
    const { round, contest } = await this.contests.roundById(roundId);
    if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
    const [entries, total] = await this.essays.pageOfRound(roundId, limit, offset);
    const [profiles, units] = await Promise.all([this.users.profiles(entries.map((e) => e.authorId)), this.units.list()]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    const now = this.clock.now();
    return [
      entries.map((entry) => ({
        entry,
        editable: isEditable(entry, round, contest, now),
        authorName: profiles.get(entry.authorId)?.fullName ?? '',
        unitName: unitNames.get(entry.unitId) ?? null,
      })),
      total,
    ];
  }

  /**
   * Stores the file, then records it in one transaction (re-checking that the entry is still
   * editable); the previous file is removed once that committed, the new one if it did not.
   */
  async attach(user: AuthUser, entryId: string, upload: UploadedFile): Promise<EntryView> {
    const now = this.clock.now();
    const entry = await this.essays.findEntry(entryId);
    await this.assertEditable(user, entry, now);
    const check = await checkAttachment(upload.file);
    if ('problem' in check) throw EssayErrors.error(check.problem === 'unreadable' ? 'ATTACHMENT.UNREADABLE' : 'ATTACHMENT.UNSUPPORTED_TYPE');

    const path = await this.store.save(entry!.roundId, entry!.id, check.kind, upload.file);
    let previous: string | null = null;
    try {
      const view = await this.essays.transaction(async (tx) => {
        const current = await this.essays.findEntry(entryId, tx, true);
        await this.assertEditable(user, current, now, tx);
        previous = current!.attachmentPath;
        current!.attachmentPath = path;
        current!.attachmentKind = check.kind;
        current!.attachmentSize = upload.file.length;
        current!.attachmentName = upload.fileName;
        current!.attachmentUploadedAt = now;
        current!.updatedAt = now;
        return { entry: await this.essays.saveEntry(current!, tx), editable: true };
      });
      if (previous) await this.removeFile(previous);
      return view;
    } catch (error) {
      await this.removeFile(path);
      throw error;
    }
  }

  async detach(user: AuthUser, entryId: string): Promise<EntryView> {
    const now = this.clock.now();
    let previous: string | null = null;
    const view = await this.essays.transaction(async (tx) => {
      const entry = await this.essays.findEntry(entryId, tx, true);
      await this.assertEditable(user, entry, now, tx);
      if (!entry!.attachmentPath) throw EssayErrors.error('ATTACHMENT.NOT_FOUND');
      previous = entry!.attachmentPath;
      Object.assign(entry!, { attachmentPath: null, attachmentKind: null, attachmentSize: null, attachmentName: null, attachmentUploadedAt: null, updatedAt: now });
      return { entry: await this.essays.saveEntry(entry!, tx), editable: true };
    });
    if (previous) await this.removeFile(previous);
    return view;
  }

  /** The file as uploaded, for its author and the organizers (judges get a stripped copy elsewhere). */
  async attachment(user: AuthUser, entryId: string): Promise<AttachmentDownload> {
    const entry = await this.readable(user, entryId);
    if (!entry.attachmentPath || !entry.attachmentKind) throw EssayErrors.error('ATTACHMENT.NOT_FOUND');
    return { file: await this.store.read(entry.attachmentPath), kind: entry.attachmentKind, code: entry.code };
  }

  /** The author's entry, still open for changes; returns its round. Another member's is "not found". */
  private async assertEditable(user: AuthUser, entry: EssayEntryEntity | null, now: Date, tx?: Tx): Promise<RoundEntity> {
    if (!entry || entry.authorId !== user.id) throw EssayErrors.error('ENTRY.NOT_FOUND');
    if (entry.sourceEntryId) throw EssayErrors.error('ENTRY.READ_ONLY');
    const { round, contest } = await this.contests.roundById(entry.roundId, tx);
    assertAcceptsEntries(round, contest, now);
    return round;
  }

  /** Managers and judges of a contest cannot take part in it (API.md "Contest managers"). */
  private async assertNotStaff(user: AuthUser, contestId: string, tx: Tx): Promise<void> {
    if (await this.access.isManager(user.id, contestId, tx)) throw ContestErrors.error('ROUND.STAFF_CANNOT_COMPETE');
    const roundIds = await this.contests.roundIdsOf(contestId, tx);
    if (await this.essays.judgesAny(roundIds, user.id, tx)) throw ContestErrors.error('ROUND.STAFF_CANNOT_COMPETE');
  }

  /** Whether the round has an entry (ContestAccess: such a round is never deleted). */
  hasRecords(roundId: string, tx?: Tx): Promise<boolean> {
    return this.essays.anyEntry(roundId, tx);
  }

  /** Who wrote an entry in the contest (ContestAccess refuses them as managers). */
  async contestantsAmong(contestId: string, userIds: string[], tx?: Tx): Promise<string[]> {
    return this.essays.authorsAmong(await this.contests.roundIdsOf(contestId, tx), userIds, tx);
  }

  private async readable(user: AuthUser, entryId: string): Promise<EssayEntryEntity> {
    const entry = await this.essays.findEntry(entryId);
    if (!entry) throw EssayErrors.error('ENTRY.NOT_FOUND');
    // Another's entry exists only for the managers of its contest (the author's name is on it).
    if (entry.authorId !== user.id && !(await this.access.manages(user, 'round', entry.roundId))) throw EssayErrors.error('ENTRY.NOT_FOUND');
    return entry;
  }

  private async assertEligible(user: AuthUser, contest: ContestEntity, tx: Tx): Promise<void> {
    if (!contest.eligibleUnitIds.length) return;
    if (!(await this.units.isWithin(user.unitId!, contest.eligibleUnitIds, tx))) throw ContestErrors.error('ROUND.NOT_ELIGIBLE');
  }

  /**
   * A random code no entry of the round carries: candidates drawn uniformly, the first one not in
   * use (so uniform among the free codes). Only under the round's state-row lock, which every
   * insert of an entry into the round holds.
   */
  private async freeCode(roundId: string, tx: Tx): Promise<string> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const candidates = drawEntryCodes(CODE_CANDIDATES, new Set(), (bound) => randomInt(bound));
      const inUse = await this.essays.codesInUse(roundId, candidates, tx);
      const free = candidates.find((code) => !inUse.has(code));
      if (free) return free;
    }
    throw new Error(`No free entry code found for round ${roundId}`);
  }

  private async removeFile(path: string): Promise<void> {
    try {
      await this.store.remove(path);
    } catch (error) {
      this.logger.warn(`Could not remove attachment ${path}: ${(error as Error).message}`);
    }
  }
}

/** A published contest's essay round, inside its window. */
function assertAcceptsEntries(round: RoundEntity, contest: ContestEntity, now: Date): void {
  if (contest.status === 'draft') throw ContestErrors.error('CONTEST.NOT_PUBLISHED');
  if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
  const phase = roundPhase(now, round);
  if (contest.status !== 'published' || phase !== 'open') {
    throw ContestErrors.error('ROUND.NOT_OPEN', {
      phase: contest.status === 'finished' ? 'closed' : phase,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
    });
  }
}

function assertWordLimits(wordCount: number, round: RoundEntity): void {
  const problem = checkWordLimits(wordCount, { minWords: round.minWords, maxWords: round.maxWords });
  if (problem) {
    throw EssayErrors.error(problem.reason === 'too_few' ? 'ENTRY.TOO_FEW_WORDS' : 'ENTRY.TOO_MANY_WORDS', { limit: problem.limit, wordCount }, undefined, {
      wordCount,
      limit: problem.limit,
    });
  }
}

function isEditable(entry: EssayEntryEntity, round: RoundEntity, contest: ContestEntity, now: Date): boolean {
  return entry.sourceEntryId === null && contest.status === 'published' && round.kind === 'essay' && roundPhase(now, round) === 'open';
}
