import { useQuery } from '@tanstack/react-query';
import { unitsApi } from '../api/units-api';

/** The whole organisation, public; every change to a unit makes it stale. */
export const unitsQueryKey = ['units'] as const;

export function useUnits() {
  return useQuery({
    queryKey: unitsQueryKey,
    queryFn: ({ signal }) => unitsApi.list(signal),
    // The organisation tree changes rarely.
    staleTime: 10 * 60_000,
  });
}
