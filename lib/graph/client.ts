import "server-only";
/**
 * The one fetch choke point to Microsoft Graph. Owns: URL building under
 * `{graphRoot}/beta`, the Authorization / client-request-id / Accept headers,
 * per-attempt timeouts, the short transient waits: bounded resends of 429/503
 * (lib/writes' RESEND_STATUSES, Retry-After honoured, capped), and of a 504 only
 * for requests that may run twice (reads), and mapping every failure to an
 * AppError. The bearer token goes into the Authorization header and nowhere
 * else: never into errors, logs or URLs.
 */
import { getRuntimeConfig } from "@/lib/config/runtime";
import { fail, ok, type AppError, type Result } from "@/lib/core/result";
import { abortedError, networkError, timeoutError, graphAnswerError, untrustedLinkError } from "./errors";
import { defaultSleep, MAX_RETRY_WAIT_MS, mayResend, parseRetryAfter, retryDelayMs } from "./retry";

export const GRAPH_VERSION = "/beta";
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_TIMEOUT_MS = 20_000;

export type GraphMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type GraphQuery = Record<string, string | number | boolean | undefined>;

export interface GraphRequest {
  token: string;
  method: GraphMethod;
  /** Relative to the version root (`/policies/...`), or an absolute same-origin URL such as a nextLink. */
  path: string;
  query?: GraphQuery;
  body?: unknown;
  signal?: AbortSignal;
  clientRequestId?: string;
  /**
   * Whether running it twice does no harm (default: GET only). Only such a request
   * is resent after a 504; any request is resent after 429/503, which prove it did not run.
   */
  idempotent?: boolean;
}

export interface GraphOptions {
  /** Graph root without the version segment; defaults to getRuntimeConfig().graphRoot. */
  graphRoot?: string;
  /**
   * The cloud's own Graph root, whose nextLinks are followed through graphRoot
   * when that is a proxy; defaults to getRuntimeConfig().cloudGraphRoot when graphRoot is not given.
   */
  cloudGraphRoot?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Resends after 429/503 (and 504 for reads); attempts = 1 + maxRetries. */
  maxRetries?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Jitter source, injectable for deterministic tests. */
  random?: () => number;
  /**
   * Longest wait between retries (default 10 s). A Retry-After beyond it is
   * not cut short: the error goes back with retryAfterSeconds for the UI to count down.
   */
  maxRetryWaitMs?: number;
}

export interface GraphResponse<T> {
  status: number;
  body: T;
  requestId: string | null;
  headers: Headers;
}

/** A request's final result plus what it took to get there. */
export interface GraphExchange<T> {
  result: Result<GraphResponse<T>>;
  /** How many times the request was sent (0 when it never left, e.g. bad URL). */
  attempts: number;
  /** HTTP status of every attempt, 0 for no answer. */
  statuses: number[];
}

/** Shown to the browser instead of the real reason, which may quote environment values. */
export const CONFIG_ERROR_MESSAGE = "The server's Microsoft Graph configuration is invalid. An administrator must check the server log.";

function configError(error: unknown): AppError {
  // Server log only: config errors never hold a token, but they may quote environment values.
  console.error(`Microsoft Graph configuration error: ${error instanceof Error ? error.message : String(error)}`);
  return { status: 500, code: "ConfigError", message: CONFIG_ERROR_MESSAGE, requestId: null, retryAfterSeconds: null };
}

export interface GraphRoots {
  /** Where requests go. */
  root: string;
  /** Another origin whose absolute links (Graph's nextLinks behind a proxy) are sent through `root`. */
  cloudRoot: string | null;
}

export function resolveGraphRoots(options: GraphOptions = {}): Result<GraphRoots> {
  const trim = (url: string) => url.replace(/\/+$/, "");
  try {
    if (options.graphRoot !== undefined) return ok({ root: trim(options.graphRoot), cloudRoot: options.cloudGraphRoot ? trim(options.cloudGraphRoot) : null });
    const config = getRuntimeConfig();
    return ok({ root: trim(config.graphRoot), cloudRoot: trim(config.cloudGraphRoot) });
  } catch (error) {
    return fail(configError(error));
  }
}

export function isSameOrigin(url: string, graphRoot: string): boolean {
  try {
    return new URL(url).origin === new URL(graphRoot).origin;
  } catch {
    return false;
  }
}

function queryString(query: GraphQuery | undefined): string {
  if (!query) return "";
  // `$` stays literal: OData option names are sent as `$expand`, not `%24expand`.
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key).replace(/^%24/, "$")}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? "" : parts.join("&");
}

/**
 * Where an absolute URL (a nextLink) is sent: as is on the Graph root's origin;
 * through the Graph root when it is on the cloud's Graph origin (Graph behind a
 * proxy writes its links on its own origin); null for any other origin, so the token stays home.
 */
function absoluteTarget(url: string, graphRoot: string, cloudRoot: string | null): string | null {
  if (isSameOrigin(url, graphRoot)) return url;
  if (cloudRoot === null || !isSameOrigin(url, cloudRoot)) return null;
  const link = new URL(url);
  // The cloud root has no path of its own: everything after its origin is relative to the version root's parent.
  return `${graphRoot}${link.pathname}${link.search}`;
}

/** Absolute URLs (nextLinks) are only accepted on the Graph origins; returns null otherwise. */
export function buildGraphUrl(graphRoot: string, path: string, query?: GraphQuery, cloudRoot: string | null = null): string | null {
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(path);
  const absolute = isAbsolute ? absoluteTarget(path, graphRoot, cloudRoot) : null;
  if (isAbsolute && absolute === null) return null;
  const base = absolute ?? `${graphRoot}${GRAPH_VERSION}${path.startsWith("/") ? path : `/${path}`}`;
  const qs = queryString(query);
  if (!qs) return base;
  return `${base}${base.includes("?") ? "&" : "?"}${qs}`;
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type AttemptOutcome = { kind: "answer"; response: Response; body: unknown } | { kind: "no-answer"; error: AppError };

async function attemptOnce(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  try {
    if (callerSignal?.aborted) return { kind: "no-answer", error: abortedError() };
    const response = await fetchImpl(url, { ...init, signal: controller.signal });
    const body = parseBody(await response.text());
    return { kind: "answer", response, body };
  } catch {
    if (timedOut) return { kind: "no-answer", error: timeoutError(timeoutMs) };
    if (callerSignal?.aborted) return { kind: "no-answer", error: abortedError() };
    return { kind: "no-answer", error: networkError() };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

export async function sendGraphRequest<T = unknown>(request: GraphRequest, options: GraphOptions = {}): Promise<GraphExchange<T>> {
  const roots = resolveGraphRoots(options);
  if (!roots.ok) return { result: roots, attempts: 0, statuses: [] };
  const url = buildGraphUrl(roots.data.root, request.path, request.query, roots.data.cloudRoot);
  if (url === null) return { result: fail(untrustedLinkError()), attempts: 0, statuses: [] };

  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? MAX_RETRY_WAIT_MS;

  const headers: Record<string, string> = {
    Authorization: `Bearer ${request.token}`,
    Accept: "application/json",
    // One id for every retry of this logical request, so support can follow it.
    "client-request-id": request.clientRequestId ?? crypto.randomUUID(),
  };
  const init: RequestInit = { method: request.method, headers, cache: "no-store" };
  if (request.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(request.body);
  }

  const statuses: number[] = [];
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(url, init, fetchImpl, timeoutMs, request.signal);
    if (outcome.kind === "no-answer") {
      statuses.push(0);
      return { result: fail(outcome.error), attempts: attempt + 1, statuses };
    }
    const { response, body } = outcome;
    statuses.push(response.status);
    const requestId = response.headers.get("request-id");
    if (response.ok) {
      return { result: ok({ status: response.status, body: body as T, requestId, headers: response.headers }), attempts: attempt + 1, statuses };
    }
    const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
    const retryable = mayResend(response.status, request.idempotent ?? request.method === "GET");
    const asksTooLong = retryAfterSeconds !== null && retryAfterSeconds * 1000 > maxRetryWaitMs;
    if (!retryable || attempt >= maxRetries || asksTooLong) {
      const waitHint = retryable ? (retryAfterSeconds ?? Math.ceil(retryDelayMs(null, attempt, options.random) / 1000)) : retryAfterSeconds;
      const error = graphAnswerError({ status: response.status, body, requestIdHeader: requestId, retryAfterSeconds: waitHint, statusText: response.statusText });
      return { result: fail(error), attempts: attempt + 1, statuses };
    }
    await sleep(retryDelayMs(retryAfterSeconds, attempt, options.random, maxRetryWaitMs));
  }
}

export async function graphRequest<T = unknown>(request: GraphRequest, options: GraphOptions = {}): Promise<Result<GraphResponse<T>>> {
  return (await sendGraphRequest<T>(request, options)).result;
}
