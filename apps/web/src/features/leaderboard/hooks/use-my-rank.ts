import { useQuery } from '@tanstack/react-query';
import { leaderboardApi } from '../api/leaderboard-api';

const pollMs = 2_000;
const maxPolls = 5;

/**
 * The member's rank on a round's board. Right after a submit the board may not have the new best
 * yet (it is updated after the commit): ask again a few times while there is no rank.
 */
export function useMyRank(roundId: string | undefined) {
  return useQuery({
    queryKey: ['leaderboard', roundId, 'me'],
    queryFn: ({ signal }) => leaderboardApi.me(roundId!, signal),
    enabled: roundId !== undefined,
    refetchInterval: (query) => (query.state.data?.rank == null && query.state.dataUpdateCount < maxPolls ? pollMs : false),
  });
}
