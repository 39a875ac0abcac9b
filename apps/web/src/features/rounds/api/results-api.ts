import type { RoundLeaderboardResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const resultsApi = {
  /** The final board's first line is enough: the digest comes with every page. */
  digest: async (roundId: string, signal?: AbortSignal): Promise<string | null> =>
    (await api.get<RoundLeaderboardResponse>(`/rounds/${roundId}/leaderboard`, { query: { limit: 1, offset: 0 }, signal })).resultsSha256 ?? null,
  /** Managers: the verifiable results bundle (zip) of a closed round. */
  bundle: (roundId: string) => api.download(`/rounds/${roundId}/results-bundle`, `ket-qua-vong-${roundId}.zip`),
};
