import { useInfiniteQuery } from '@tanstack/react-query';
import { contestsApi } from '../api/contests-api';

export const contestsPageSize = 20;

/** The contest list, a page at a time; `items` is every contest loaded so far. */
export function useContests() {
  const query = useInfiniteQuery({
    queryKey: ['contests', 'list'],
    queryFn: ({ pageParam, signal }) => contestsApi.list({ limit: contestsPageSize, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0);
      // An empty page ends the list even if `total` says more: never ask for the same offset forever.
      return lastPage.items.length > 0 && loaded < lastPage.total ? loaded : undefined;
    },
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages.at(-1)?.total ?? 0;
  return { ...query, items, total };
}
