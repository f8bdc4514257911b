import type { AppError, Result } from "@/lib/core/result";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";

export class GraphActionError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = "GraphActionError";
  }
}

/**
 * Calls a server action with a fresh token. A 401 gets one silent renewal and
 * one retry; expected failures come back as GraphActionError for React Query.
 */
export async function callGraphAction<T>(getToken: GetGraphToken, action: (token: string) => Promise<Result<T>>): Promise<T> {
  let result = await action(await getToken());
  if (!result.ok && result.error.status === 401) {
    result = await action(await getToken({ forceRefresh: true }));
  }
  if (!result.ok) throw new GraphActionError(result.error);
  return result.data;
}
