import type { AuditEntryResponse } from '@hoi-thi/contracts';
import type { AuditLogEntity } from './audit-log.entity.js';

export function toAuditEntryResponse(entry: AuditLogEntity, actorName: string | null): AuditEntryResponse {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
  };
}
