import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAuth } from '../../auth';
import { historyApi } from '../api/history-api';

export const historyPageSize = 20;

export function useHistory(page: number) {
  const { user } = useAuth();
  const offset = (page - 1) * historyPageSize;
  return useQuery({
    // Whose history it is: another account on the same phone never sees it.
    queryKey: ['me', user?.id ?? null, 'history', offset],
    queryFn: ({ signal }) => historyApi.list(historyPageSize, offset, signal),
    enabled: user !== null,
    placeholderData: keepPreviousData,
  });
}
