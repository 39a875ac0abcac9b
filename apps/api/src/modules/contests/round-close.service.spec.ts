import { describe, expect, it } from '@jest/globals';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import type { AppConfig } from '../../config/env.schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ContestsRepository } from './contests.repository.js';
import type { ContestsService } from './contests.service.js';
import type { RoundEntity } from './round.entity.js';
import { RoundCloseService, type RoundCloseSteps } from './round-close.service.js';

const NOW = new Date('2025-05-01T10:00:00Z');

class FixedClock extends Clock {
  now(): Date {
    return NOW;
  }
}

/** A quiz round past its close + grace, with a prediction counted in participants; every call recorded in order. */
function aClose() {
  const calls: string[] = [];
  const manager = { name: 'the close transaction' } as unknown as Tx;
  const round = { id: 'r1', kind: 'quiz', closedAt: null, closesAt: new Date(NOW.getTime() - 60_000), predictionQuestion: 'How many?', predictionActual: 'participants' } as RoundEntity;
  const inTransaction = (name: string, given: Tx) => calls.push(given === manager ? `${name} (in the transaction)` : `${name} (outside)`);
  const contests = {
    getRound: async () => {
      calls.push('read round');
      return { round: { ...round }, contest: { status: 'published' } };
    },
    lockRound: async (_id: string, given: Tx) => (inTransaction('lock round', given), { ...round }),
    markClosed: async (locked: RoundEntity, closedAt: Date, actualValue: number | null, given: Tx) => {
      inTransaction(`mark closed (${actualValue})`, given);
      return { ...locked, closedAt, actualValue };
    },
  } as unknown as ContestsService;
  const repository = { transaction: <T>(work: (m: Tx) => Promise<T>) => work(manager) } as unknown as ContestsRepository;
  const audit = { record: async (_entry: unknown, given: Tx) => inTransaction('audit', given) } as unknown as AuditService;
  const service = new RoundCloseService(contests, repository, audit, new FixedClock(), { attemptGraceSeconds: 5 } as AppConfig);
  const attempts: Pick<RoundCloseSteps, 'finalizeActiveAttempts' | 'counts'> = {
    finalizeActiveAttempts: async () => void calls.push('finalize active attempts'),
    counts: async (_id, given) => (inTransaction('counts', given), { participants: 7, attempts: 9 }),
  };
  const leaderboards: Pick<RoundCloseSteps, 'writeFinalBoard' | 'closed'> = {
    writeFinalBoard: async (_id, actualValue, given) => void inTransaction(`write final board (${actualValue})`, given),
    closed: async () => void calls.push('streams told'),
  };
  return { service, calls, attempts, leaderboards };
}

describe('RoundCloseService: closing a round with the steps other modules register', () => {
  it('runs the registered steps in order, those that write in the close’s one transaction', async () => {
    const { service, calls, attempts, leaderboards } = aClose();
    service.registerSteps(attempts);
    service.registerSteps(leaderboards);
    const { round, participants } = await service.close(null, 'r1', undefined);
    await service.announceClosed('r1');
    expect({ closedAt: round.closedAt, actualValue: round.actualValue, participants }).toEqual({ closedAt: NOW, actualValue: 7, participants: 7 });
    expect(calls).toEqual([
      'read round',
      'finalize active attempts',
      'lock round (in the transaction)',
      'counts (in the transaction)',
      'write final board (7) (in the transaction)',
      'mark closed (7) (in the transaction)',
      'audit (in the transaction)',
      'streams told',
    ]);
  });

  it('fails loudly, before touching the round, when a step was never registered', async () => {
    const { service, calls, attempts } = aClose();
    service.registerSteps(attempts);
    await expect(service.close(null, 'r1', undefined)).rejects.toThrow('Closing a round needs steps nobody registered: writeFinalBoard (leaderboards), closed (leaderboards)');
    await expect(service.announceClosed('r1')).rejects.toThrow('writeFinalBoard (leaderboards), closed (leaderboards)');
    expect(calls).toEqual([]);
  });

  it('refuses a step registered twice', () => {
    const { service, attempts } = aClose();
    service.registerSteps(attempts);
    expect(() => service.registerSteps({ counts: attempts.counts })).toThrow('Round close step "counts" is registered twice');
  });
});
