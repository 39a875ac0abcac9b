import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditTargetType } from '@hoi-thi/contracts';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import type { AuditLogEntity } from './audit-log.entity.js';
import { type AuditSearch, AuditRepository } from './audit.repository.js';

export interface AuditRecord {
  /** The acting user's id (null: the system itself, e.g. a scheduled close). */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** The append-only audit log (API.md "Audit"): other modules record, admins read. */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry. Pass the action's transaction as `tx`: the entry then commits (or rolls
   * back) with the action it records.
   */
  record(entry: AuditRecord, tx?: Tx): Promise<void> {
    return this.repository.insert(
      { at: this.clock.now(), actorId: entry.actorId, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, details: entry.details ?? {} },
      tx,
    );
  }

  search(query: AuditSearch): Promise<[AuditLogEntity[], number]> {
    return this.repository.search(query);
  }
}
