import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../auth';
import { contestsApi } from '../api/contests-api';

/** A contest as the caller sees it (`canManage` depends on who asks). */
export function useContest(id: string) {
  const { status, user } = useAuth();
  return useQuery({
    queryKey: ['contests', 'detail', id, user?.id ?? null],
    queryFn: ({ signal }) => contestsApi.get(id, signal),
    // Wait for the stored token to be checked, or the first answer says "cannot manage".
    enabled: status !== 'loading' && id !== '',
  });
}
