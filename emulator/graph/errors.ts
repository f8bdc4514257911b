/**
 * Graph's error envelope: { error: { code, message, innerError: { date, request-id, client-request-id } } }.
 */
import type { GraphRequest, GraphResponse } from "./types";

const CODE_FOR_STATUS: Record<number, string> = {
  400: "BadRequest",
  401: "InvalidAuthenticationToken",
  403: "Authorization_RequestDenied",
  404: "Request_ResourceNotFound",
  405: "Request_BadRequest",
  409: "Request_MultipleObjectsWithSameKeyValue",
  412: "PreconditionFailed",
  424: "FailedDependency",
  429: "TooManyRequests",
  500: "generalException",
  502: "badGateway",
  503: "serviceNotAvailable",
  504: "gatewayTimeout",
};

const MESSAGE_FOR_STATUS: Record<number, string> = {
  429: "Too many requests. Retry after the time in the Retry-After header.",
  500: "General exception while processing.",
  502: "Bad gateway.",
  503: "The service is temporarily unavailable. Please retry later.",
  504: "The gateway timed out.",
};

export function codeForStatus(status: number): string {
  return CODE_FOR_STATUS[status] ?? "UnknownError";
}

export function messageForStatus(status: number): string {
  return MESSAGE_FOR_STATUS[status] ?? "The request failed.";
}

export type ErrorIds = Pick<GraphRequest, "requestId" | "clientRequestId">;

export function errorEnvelope(ids: ErrorIds, code: string, message: string, date = new Date()) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: date.toISOString().replace(/\.\d{3}Z$/, "Z"),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
      },
    },
  };
}

export function graphError(
  ids: ErrorIds,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphResponse {
  return { status, headers, body: errorEnvelope(ids, code, message) };
}

/** The answer to an injected fault (fail-next rule or random throttling). */
export function faultResponse(ids: ErrorIds, status: number, retryAfterSeconds: number | null): GraphResponse {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== null && (status === 429 || status === 503 || status === 504)) {
    headers["Retry-After"] = String(retryAfterSeconds);
  }
  return graphError(ids, status, codeForStatus(status), messageForStatus(status), headers);
}

export const notFoundSegment = (ids: ErrorIds, segment: string) =>
  graphError(ids, 400, "BadRequest", `Resource not found for the segment '${segment}'.`);

export const badRequest = (ids: ErrorIds, message: string) => graphError(ids, 400, "Request_BadRequest", message);

export const denied = (ids: ErrorIds, message = "Insufficient privileges to complete the operation.") =>
  graphError(ids, 403, "Authorization_RequestDenied", message);
