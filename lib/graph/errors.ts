import "server-only";
import type { AppError } from "@/lib/core/result";
import type { WireErrorEnvelope } from "./wire-types";

export interface ErrorSource {
  status: number;
  /** Parsed JSON body, raw text when it was not JSON, or null when empty. */
  body: unknown;
  /** Value of the `request-id` response header, when present. */
  requestIdHeader?: string | null;
  retryAfterSeconds?: number | null;
  statusText?: string;
}

const MAX_TEXT_MESSAGE = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readEnvelope(body: unknown): WireErrorEnvelope["error"] | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  return body.error;
}

/** A string with something besides white space in it; null for anything else. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** Maps any Graph error answer (envelope, plain text, empty) to the app's AppError, on the server. (What the browser caught becomes one through toAppError in lib/queries/graph-action.ts.) */
export function graphAnswerError(source: ErrorSource): AppError {
  const envelope = readEnvelope(source.body);
  const inner = envelope && isRecord(envelope.innerError) ? envelope.innerError : null;
  const requestId = nonEmptyString(source.requestIdHeader) ?? nonEmptyString(inner?.["request-id"]) ?? null;
  const text = typeof source.body === "string" ? source.body.trim().slice(0, MAX_TEXT_MESSAGE) : "";
  const fallbackMessage = text || nonEmptyString(source.statusText) || `Microsoft Graph answered HTTP ${source.status}.`;
  return {
    status: source.status,
    code: nonEmptyString(envelope?.code) ?? `Http${source.status}`,
    message: nonEmptyString(envelope?.message) ?? fallbackMessage,
    requestId,
    retryAfterSeconds: source.retryAfterSeconds ?? null,
  };
}

export function networkError(): AppError {
  return {
    status: 0,
    code: "NetworkError",
    message: "Microsoft Graph could not be reached. The request may or may not have been processed.",
    requestId: null,
    retryAfterSeconds: null,
  };
}

export function timeoutError(timeoutMs: number): AppError {
  return {
    status: 0,
    code: "Timeout",
    message: `Microsoft Graph did not answer within ${Math.round(timeoutMs / 1000)} s. The request may or may not have been processed.`,
    requestId: null,
    retryAfterSeconds: null,
  };
}

export function abortedError(): AppError {
  return { status: 0, code: "Aborted", message: "The request was cancelled.", requestId: null, retryAfterSeconds: null };
}

/** A nextLink pointing off the Graph origin is never followed: it would carry the bearer token elsewhere. */
export function untrustedLinkError(): AppError {
  return {
    status: 502,
    code: "UntrustedNextLink",
    message: "Microsoft Graph returned a paging link to another host; it was not followed.",
    requestId: null,
    retryAfterSeconds: null,
  };
}

/**
 * A nextLink the caller handed in that is not a page of the list asked for: refused before any
 * request. Status 400 tells it from Graph answering a bad link (untrustedLinkError, 502).
 */
export function foreignPageLinkError(): AppError {
  return {
    status: 400,
    code: "UntrustedNextLink",
    message: "The paging link is not a page of this list; it was not followed.",
    requestId: null,
    retryAfterSeconds: null,
  };
}

export function isRecordValue(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}
