import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RoundCloseService } from '../contests/round-close.service.js';
import { AttemptsService } from './attempts.service.js';
import { BoardSource } from './board-source.js';

/** The attempts module's part of closing a round (the contests module runs the close). */
@Injectable()
export class AttemptsRoundCloseSteps implements OnModuleInit {
  constructor(
    private readonly closing: RoundCloseService,
    private readonly attempts: AttemptsService,
    private readonly source: BoardSource,
  ) {}

  onModuleInit(): void {
    this.closing.registerSteps({
      // Attempts nobody submitted are finalized (expired past their grace) before the board is ranked.
      finalizeActiveAttempts: async (roundId) => this.attempts.expireDue(await this.source.activeAttemptIds(roundId)),
      counts: (roundId, tx) => this.source.counts(roundId, tx),
    });
  }
}
