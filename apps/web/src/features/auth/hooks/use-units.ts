import { useQuery } from '@tanstack/react-query';
import { unitsApi } from '../api/units-api';

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => unitsApi.list(signal),
    // The organisation tree changes rarely.
    staleTime: 10 * 60_000,
  });
}
