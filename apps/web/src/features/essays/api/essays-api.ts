import type { EntryResponse, Page, SubmitEntryRequest } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

/** A member's own essay entry in a round. */
export const essaysApi = {
  mine: (roundId: string, signal?: AbortSignal) => api.get<Page<EntryResponse>>(`/rounds/${roundId}/entries/mine`, { signal }),
  submit: (roundId: string, body: SubmitEntryRequest) => api.post<EntryResponse>(`/rounds/${roundId}/entries`, body),
  update: (entryId: string, body: SubmitEntryRequest) => api.put<EntryResponse>(`/entries/${entryId}`, body),
  /** A PDF or DOCX (decided by its content) of at most 10 MB; replaces the previous one. */
  attach: (entryId: string, file: File) => {
    const form = new FormData();
    form.set('file', file, file.name);
    return api.put<EntryResponse>(`/entries/${entryId}/attachment`, form);
  },
  detach: (entryId: string) => api.delete<EntryResponse>(`/entries/${entryId}/attachment`),
  attachment: (entryId: string, fileName: string) => api.download(`/entries/${entryId}/attachment`, fileName),
};
