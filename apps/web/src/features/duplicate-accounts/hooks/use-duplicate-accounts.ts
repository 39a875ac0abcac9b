import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { duplicateAccountsApi, type DuplicateFilters } from '../api/duplicate-accounts-api';

export function useDuplicateAccounts(filters: DuplicateFilters) {
  return useQuery({
    queryKey: ['users', 'duplicates', filters],
    queryFn: ({ signal }) => duplicateAccountsApi.list(filters, signal),
    // Changing page keeps the current one on screen until the next arrives.
    placeholderData: keepPreviousData,
  });
}
