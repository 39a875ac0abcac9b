import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

/** Forgets what a cache holds about the round (its copy, grading rules, shared board pages). */
export type RoundChangeListener = (roundId: string) => void;

/**
 * The one invalidation point for what processes keep in memory about rounds. `ContestsRepository`
 * calls `written` from each method that writes a round, or a contest (for each of its rounds), so
 * a new edit path cannot skip it; caches subscribe at boot through `ContestsService.onRoundChange`.
 *
 * Listeners run at the write and again once its transaction commits: a read between the two sees
 * the old row and may cache it. Only this process hears it; other replicas rely on their copies'
 * lifetimes (a second or less for rounds).
 */
@Injectable()
export class RoundChanges implements EntitySubscriberInterface {
  private readonly logger = new Logger(RoundChanges.name);
  private readonly listeners: RoundChangeListener[] = [];
  /** Rounds written in a transaction still open, told again at its commit. */
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    // TypeORM tells its subscribers of every commit; this one acts only on transactions that wrote rounds.
    dataSource.subscribers.push(this);
  }

  subscribe(listener: RoundChangeListener): void {
    this.listeners.push(listener);
  }

  /** The rounds were written, in `manager`'s transaction when it has one. */
  written(roundIds: readonly string[], manager?: EntityManager): void {
    this.notify(roundIds);
    const runner = manager?.queryRunner;
    if (!runner?.isTransactionActive) return;
    const pending = this.pending.get(runner) ?? new Set<string>();
    for (const id of roundIds) pending.add(id);
    this.pending.set(runner, pending);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Still active after a commit: a savepoint was released, the transaction goes on.
    if (queryRunner.isTransactionActive) return;
    const pending = this.pending.get(queryRunner);
    if (!pending) return;
    this.pending.delete(queryRunner);
    this.notify([...pending]);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    // Nothing changed; the listeners already ran at the write, which costs only a re-read.
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
  }

  private notify(roundIds: Iterable<string>): void {
    for (const roundId of roundIds) {
      for (const listener of this.listeners) {
        try {
          listener(roundId);
        } catch (error) {
          // After a commit the write stands: a failing listener must not turn it into an error.
          this.logger.error(`A cache could not forget round ${roundId}: ${(error as Error).message}`);
        }
      }
    }
  }
}
