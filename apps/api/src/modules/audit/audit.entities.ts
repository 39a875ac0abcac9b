import { AuditLogEntity } from './audit-log.entity.js';

/** The audit module's tables: registered by AuditModule, listed whole for the migration tooling. */
export const AUDIT_ENTITIES = [AuditLogEntity];
