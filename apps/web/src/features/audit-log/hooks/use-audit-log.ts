import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditLogApi, type AuditFilters } from '../api/audit-log-api';

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => auditLogApi.list(filters, signal),
    placeholderData: keepPreviousData,
  });
}
