import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';

/** A 4xx answer will not change by asking again; network trouble and 5xx may. */
const isRetryable = (error: unknown) => !(isApiError(error) && error.status >= 400 && error.status < 500);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
