import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, TransactionCommitEvent } from 'typeorm';
import { RoundChanges } from './round-changes.js';

/** A query runner as the subscriber sees it around commits: active while the transaction (or a savepoint) is open. */
function aTransaction() {
  const queryRunner = { isTransactionActive: true };
  const manager = { queryRunner } as unknown as EntityManager;
  const event = { queryRunner } as unknown as TransactionCommitEvent;
  return { queryRunner, manager, event };
}

function changes() {
  const dataSource = { subscribers: [] as unknown[] } as unknown as DataSource;
  const roundChanges = new RoundChanges(dataSource);
  const heard: string[] = [];
  roundChanges.subscribe((roundId) => heard.push(roundId));
  return { roundChanges, heard, dataSource };
}

describe('RoundChanges: the invalidation point of round caches', () => {
  it('listens to the data source’s commits', () => {
    const { roundChanges, dataSource } = changes();
    expect(dataSource.subscribers).toEqual([roundChanges]);
  });

  it('tells the listeners at once for a write outside a transaction', () => {
    const { roundChanges, heard } = changes();
    roundChanges.written(['r1', 'r2']);
    expect(heard).toEqual(['r1', 'r2']);
  });

  it('tells them at the write and again when the transaction commits, not when a savepoint is released', () => {
    const { roundChanges, heard } = changes();
    const tx = aTransaction();
    roundChanges.written(['r1'], tx.manager);
    roundChanges.written(['r1', 'r2'], tx.manager);
    expect(heard).toEqual(['r1', 'r1', 'r2']);

    roundChanges.afterTransactionCommit(tx.event); // a savepoint: still active
    expect(heard).toHaveLength(3);

    tx.queryRunner.isTransactionActive = false;
    roundChanges.afterTransactionCommit(tx.event);
    expect(heard).toEqual(['r1', 'r1', 'r2', 'r1', 'r2']);
    // Another commit of the same runner (its next transaction) wrote no round.
    roundChanges.afterTransactionCommit(tx.event);
    expect(heard).toHaveLength(5);
  });

  it('forgets a rolled back transaction’s rounds, and a failing listener does not stop the others', () => {
    const { roundChanges, heard } = changes();
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    roundChanges.subscribe(() => {
      throw new Error('broken cache');
    });
    const after: string[] = [];
    roundChanges.subscribe((roundId) => after.push(roundId));
    const tx = aTransaction();
    roundChanges.written(['r1'], tx.manager);
    tx.queryRunner.isTransactionActive = false;
    roundChanges.afterTransactionRollback(tx.event);
    roundChanges.afterTransactionCommit(tx.event);
    expect(heard).toEqual(['r1']);
    expect(after).toEqual(['r1']);
    expect(logged).toHaveBeenCalledWith('A cache could not forget round r1: broken cache');
    logged.mockRestore();
  });
});
