import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { certificatesApi } from '../api/certificates-api';

const key = (roundId: string) => ['certificate-batches', roundId] as const;
/** While a batch runs its progress is read again this often. */
const progressMs = 1_000;

export function useCertificateBatches(roundId: string) {
  return useQuery({
    queryKey: key(roundId),
    queryFn: ({ signal }) => certificatesApi.batches(roundId, signal),
    refetchInterval: (query) => (query.state.data?.items.some((batch) => batch.status === 'running') ? progressMs : false),
  });
}

export function useStartCertificateBatch(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (winners: number) => certificatesApi.start(roundId, winners),
    onSuccess: () => client.invalidateQueries({ queryKey: key(roundId) }),
  });
}
