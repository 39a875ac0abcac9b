import { Injectable } from '@nestjs/common';
import type { AttemptEntity } from './attempt.entity.js';
import { AttemptsRepository } from './attempts.repository.js';

/** An attempt as the results bundle publishes it: the stored row and its answers with when each was saved. */
export type AttemptRecord = AttemptEntity & { answers: { questionId: string; optionIds: string[]; savedAt: string }[] };

const BATCH = 1_000;

/**
 * What the results bundle reads of the attempts module's tables: every attempt of a round whole
 * (seed, pool, paper, answers, outcome), a batch at a time, so a round of 100,000 attempts is never
 * held at once (only its ids are).
 */
@Injectable()
export class AttemptRecordsService {
  constructor(private readonly attempts: AttemptsRepository) {}

  async *roundAttempts(roundId: string): AsyncGenerator<AttemptRecord[]> {
    const ids = await this.attempts.attemptIdsOfRound(roundId);
    for (let start = 0; start < ids.length; start += BATCH) {
      yield await this.attempts.attemptRecords(ids.slice(start, start + BATCH));
    }
  }
}
