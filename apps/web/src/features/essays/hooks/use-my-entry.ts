import type { EntryResponse, Page, SubmitEntryRequest } from '@hoi-thi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { essaysApi } from '../api/essays-api';

export const myEntryKey = (roundId: string) => ['essays', roundId, 'mine'] as const;

export function useMyEntry(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: myEntryKey(roundId),
    queryFn: ({ signal }) => essaysApi.mine(roundId, signal),
    enabled,
    select: (page) => page.items[0] ?? null,
  });
}

/** Every change returns the whole entry: it replaces what the page shows. */
function useStore(roundId: string) {
  const queryClient = useQueryClient();
  return (entry: EntryResponse) => {
    queryClient.setQueryData<Page<EntryResponse>>(myEntryKey(roundId), { items: [entry], total: 1 });
  };
}

export function useSaveEntry(roundId: string, entryId: string | undefined) {
  const store = useStore(roundId);
  return useMutation({
    mutationFn: (body: SubmitEntryRequest) => (entryId ? essaysApi.update(entryId, body) : essaysApi.submit(roundId, body)),
    onSuccess: store,
  });
}

export function useAttachment(roundId: string, entryId: string) {
  const store = useStore(roundId);
  const attach = useMutation({ mutationFn: (file: File) => essaysApi.attach(entryId, file), onSuccess: store });
  const detach = useMutation({ mutationFn: () => essaysApi.detach(entryId), onSuccess: store });
  return { attach, detach };
}
