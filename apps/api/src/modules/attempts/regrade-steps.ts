import { Injectable } from '@nestjs/common';
import type { Tx } from '../../common/database/tx.js';

type FinalBoardStep = (roundId: string, tx: Tx) => Promise<void>;

/**
 * What another module writes with a regrade that changed scores, in the regrade's own transaction
 * after the scores and best attempts: the leaderboards rewrite a closed round's final board. A port
 * the leaderboards register at boot (onModuleInit), so the regrade names the step it runs and a
 * missing registration fails the regrade instead of leaving a stale final board.
 */
@Injectable()
export class RegradeSteps {
  private finalBoard: FinalBoardStep | null = null;

  registerFinalBoard(step: FinalBoardStep): void {
    if (this.finalBoard) throw new Error('A final-board step is already registered for regrades');
    this.finalBoard = step;
  }

  async rewriteFinalBoard(roundId: string, tx: Tx): Promise<void> {
    if (!this.finalBoard) throw new Error("No module registered the regrade's final-board step (the leaderboards do, in onModuleInit)");
    await this.finalBoard(roundId, tx);
  }
}
