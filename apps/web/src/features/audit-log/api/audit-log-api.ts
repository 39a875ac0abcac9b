import type { AuditAction, AuditEntryResponse, Page } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export interface AuditFilters {
  action?: AuditAction;
  limit: number;
  offset: number;
}

export const auditLogApi = {
  /** `GET /api/audit` (admins): organizer and admin actions, newest first. */
  list: (filters: AuditFilters, signal?: AbortSignal) => api.get<Page<AuditEntryResponse>>('/audit', { query: { ...filters }, signal }),
};
