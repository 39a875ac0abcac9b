import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import type { AppConfig } from '../../../config/env.schema.js';
import type { ParticipantsRepository } from '../participants.repository.js';
import { LATE_CREDIT_MAX_MS } from './admission-gate.js';
import { MemoryAdmissionGate } from './memory-admission-gate.js';
import { StartAdmission } from './start-admission.js';

const member = { id: 'u1' } as AuthUser;
const participants = { findParticipant: async () => null } as unknown as ParticipantsRepository;
const admission = (trustProxy: boolean) =>
  new StartAdmission({ trustProxy, startAdmissionPerSecond: 1, startAdmissionBurst: 1, startAdmissionRedisKey: 'k' } as AppConfig, null, participants);
const stamped = (msAgo: number) => `t=${((Date.now() - msAgo) / 1000).toFixed(3)}`;

describe('start admission: how long a start waited behind nginx', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('believes X-Request-Start behind the proxy, up to LATE_CREDIT_MAX_MS', async () => {
    const enter = jest.spyOn(MemoryAdmissionGate.prototype, 'enter');
    const gate = admission(true);
    await gate.admit(member, 'r1', stamped(4_000));
    await gate.admit(member, 'r2', stamped(60_000));
    const [[first, waited], [, capped]] = enter.mock.calls as [string, number][];
    expect(first).toBe('u1:r1');
    expect(waited).toBeGreaterThanOrEqual(4_000);
    expect(waited).toBeLessThan(5_000);
    expect(capped).toBe(LATE_CREDIT_MAX_MS);
  });

  it('ignores it without TRUST_PROXY (a client can send it too)', async () => {
    const enter = jest.spyOn(MemoryAdmissionGate.prototype, 'enter');
    await admission(false).admit(member, 'r1', stamped(4_000));
    expect(enter).toHaveBeenCalledWith('u1:r1', 0);
  });
});
