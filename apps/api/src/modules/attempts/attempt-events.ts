import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { BestRow } from './board-source.js';

/** Emitted after the transaction that finished an attempt (submit or expiry) committed. */
export interface AttemptFinished {
  attemptId: string;
  roundId: string;
  userId: string;
  status: 'submitted' | 'expired';
  score: number;
  durationMs: number;
  /** The member's new best attempt when this one became it (the boards need an update), else null. */
  best: BestRow | null;
}

/** In-process events of the attempts module; the leaderboards subscribe to push live updates. */
@Injectable()
export class AttemptEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  emitFinished(event: AttemptFinished): void {
    this.emitter.emit('finished', event);
  }

  /** A regrade changed scores in a round: boards built from it must be rebuilt. */
  emitRegraded(roundId: string): void {
    this.emitter.emit('regraded', roundId);
  }

  onRegraded(listener: (roundId: string) => void): () => void {
    this.emitter.on('regraded', listener);
    return () => this.emitter.off('regraded', listener);
  }

  onFinished(listener: (event: AttemptFinished) => void): () => void {
    this.emitter.on('finished', listener);
    return () => this.emitter.off('finished', listener);
  }
}
