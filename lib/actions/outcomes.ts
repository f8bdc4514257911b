import "server-only";
import { fail, type Result } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";

/**
 * Writes and restores hold the request only for short throttling waits; longer
 * Retry-After values go back to the browser, which counts them down where the user sees it.
 */
export const WRITE_GRAPH_OPTIONS = { maxRetryWaitMs: 2_000 } as const;

/**
 * When every outcome is "unauthorized" nothing was done, so the action fails
 * with the 401 itself: callers renew the token once and call again.
 */
export function failIfAllUnauthorized<T>(outcomes: readonly WriteOutcome[], data: T): Result<T> {
  const first = outcomes[0];
  if (first?.error && outcomes.every((o) => o.kind === "unauthorized")) return fail(first.error);
  return { ok: true, data };
}
