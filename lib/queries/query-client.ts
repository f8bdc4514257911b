import { QueryClient } from "@tanstack/react-query";
import { GraphActionError } from "./graph-action";

export const STALE_TIME_MS = 60_000;

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        // As long as a persisted cache may be restored: a query collected sooner would not be persisted.
        gcTime: 60 * 60_000,
        refetchOnWindowFocus: false,
        // Graph already retried throttling on the server; client errors (4xx) will not heal by retrying.
        retry: (failureCount, error) => {
          if (error instanceof GraphActionError) return error.appError.status === 0 && failureCount < 1;
          return false;
        },
      },
      mutations: { retry: false },
    },
  });
}
