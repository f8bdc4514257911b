/**
 * The one result type every server action returns. Expected failures are
 * values, never thrown: production builds redact thrown server-action errors.
 */

export interface AppError {
  /** HTTP status from Graph, or 0 when no answer came (network failure, timeout). */
  status: number;
  /** Graph error code (`Authorization_RequestDenied`...) or one of ours (`InvalidArgument`, `NetworkError`, `Timeout`). */
  code: string;
  message: string;
  /** Graph's request-id, for support; null when Graph never answered. */
  requestId: string | null;
  /** Seconds Graph asked us to wait (429/503/504) when retries ran out. */
  retryAfterSeconds: number | null;
}

/** The code of a server action call whose answer never reached the browser: the dashboard's own server, not Graph, could not be reached. */
export const SERVER_UNREACHABLE = "ServerUnreachable";

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}

export function invalidArgument<T = never>(message: string): Result<T> {
  return fail({ status: 400, code: "InvalidArgument", message, requestId: null, retryAfterSeconds: null });
}

/**
 * A read answered part by part: one server action call returns this at once and React streams each
 * part to the browser as Graph answers it (a page of a list, a $batch of names). A failed part is the last.
 */
export interface Streamed<T> {
  parts: AsyncIterable<Result<T>>;
}
