import { SERVER_UNREACHABLE, type AppError, type Result } from "@/lib/core/result";
import { UNREACHABLE } from "@/lib/writes/messages";
import { SignInRequiredError, type GetGraphToken } from "@/lib/auth/use-graph-token";

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

/**
 * The AppError behind anything a query or mutation threw in the browser: a Graph failure the action
 * returned, a sign-in that is needed, or (anything else) the dashboard's own server, which the
 * browser could not reach: never reported as Graph being unreachable.
 * Graph's own answers become AppErrors on the server, in lib/graph/errors.ts.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof GraphActionError) return error.appError;
  if (error instanceof SignInRequiredError) {
    return { status: 401, code: "SignInRequired", message: error.message, requestId: null, retryAfterSeconds: null };
  }
  return {
    status: 0,
    code: SERVER_UNREACHABLE,
    message: `${UNREACHABLE.server}. Check your connection and try again.`,
    requestId: null,
    retryAfterSeconds: null,
  };
}
