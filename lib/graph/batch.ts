import "server-only";
/**
 * Graph JSON batching. Owns: the `POST /$batch` envelope (at most 20 requests,
 * unique ids) and splitting work into batches. An envelope holding only GETs is
 * resent like any read; one holding a write is resent only after 429/503, which
 * prove nothing in it ran. Writes in batches are run by the write engine (writes.ts).
 */
import { fail, ok, type AppError, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { isRecordValue, graphAnswerError } from "./errors";
import { parseRetryAfter } from "./retry";
import type { WireBatchRequestItem, WireBatchResponse } from "./wire-types";

export const MAX_BATCH_SIZE = 20;
export const DEFAULT_BATCH_CONCURRENCY = 2;

export type BatchRequest = WireBatchRequestItem;

export interface BatchResponse {
  id: string;
  /** 0 when Graph left this item out of the envelope. */
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

export interface BatchOptions extends GraphOptions {
  /** Batches in flight at once. */
  concurrency?: number;
}

export function splitIntoBatches<T>(items: readonly T[], size: number = MAX_BATCH_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("Batch size must be a positive integer.");
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

function batchShapeError(message: string): AppError {
  return { status: 400, code: "InvalidBatch", message, requestId: null, retryAfterSeconds: null };
}

function lowerCaseHeaders(value: unknown): Record<string, string> {
  if (!isRecordValue(value)) return {};
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value)) {
    if (typeof header === "string") headers[name.toLowerCase()] = header;
  }
  return headers;
}

/** One `POST /$batch`; the answer lists every requested id (missing ones get status 0), in request order. */
export async function sendBatch(token: string, requests: readonly BatchRequest[], options: GraphOptions = {}): Promise<Result<BatchResponse[]>> {
  if (requests.length === 0) return ok([]);
  if (requests.length > MAX_BATCH_SIZE) return fail(batchShapeError(`A batch holds at most ${MAX_BATCH_SIZE} requests.`));
  if (new Set(requests.map((r) => r.id)).size !== requests.length) return fail(batchShapeError("Batch request ids must be unique."));

  const body = {
    requests: requests.map((r) =>
      r.body === undefined ? r : { ...r, headers: { "Content-Type": "application/json", ...r.headers } },
    ),
  };
  // An envelope of reads may go again like any read; one holding writes never does: the write engine resends its throttled items.
  const reads = requests.every((r) => r.method === "GET");
  const result = await graphRequest<WireBatchResponse | null>({ token, method: "POST", path: "/$batch", body, idempotent: reads }, reads ? options : { ...options, maxRetries: 0 });
  if (!result.ok) return result;

  const answered = new Map<string, BatchResponse>();
  const items = result.data.body?.responses;
  for (const item of Array.isArray(items) ? items : []) {
    if (!isRecordValue(item) || typeof item.id !== "string") continue;
    answered.set(item.id, {
      id: item.id,
      status: typeof item.status === "number" ? item.status : 0,
      headers: lowerCaseHeaders(item.headers),
      body: item.body ?? null,
    });
  }
  return ok(requests.map((r) => answered.get(r.id) ?? { id: r.id, status: 0, headers: {}, body: null }));
}

export function batchItemError(item: BatchResponse): AppError {
  if (item.status === 0) {
    return {
      status: 0,
      code: "MissingBatchItem",
      message: "Microsoft Graph did not answer this item of the batch.",
      requestId: null,
      retryAfterSeconds: null,
    };
  }
  return graphAnswerError({
    status: item.status,
    body: item.body,
    requestIdHeader: item.headers["request-id"] ?? null,
    retryAfterSeconds: parseRetryAfter(item.headers["retry-after"]),
  });
}

/**
 * Runs `work` over `items`, at most `concurrency` at a time, and yields each answer as it comes.
 * Closing the generator starts no more work. `work` is expected to return failures, not throw.
 */
export async function* inCompletionOrder<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): AsyncGenerator<R, void, undefined> {
  const running = new Map<number, Promise<{ slot: number; value: R }>>();
  let next = 0;
  const start = () => {
    const slot = next++;
    const done = work(items[slot] as T).then((value) => ({ slot, value }));
    // Handled here so a rejection nobody waits for any more is not reported as unhandled.
    done.catch(() => undefined);
    running.set(slot, done);
  };
  while (next < items.length && running.size < Math.max(1, concurrency)) start();
  while (running.size > 0) {
    const { slot, value } = await Promise.race(running.values());
    running.delete(slot);
    if (next < items.length) start();
    yield value;
  }
}

/** Runs `work` over `items`, at most `concurrency` at a time; the answers in the order of `items`. */
export async function mapWithConcurrency<T, R>(items: readonly T[], concurrency: number = DEFAULT_BATCH_CONCURRENCY, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const indexed = items.map((item, index) => ({ item, index }));
  for await (const done of inCompletionOrder(indexed, concurrency, async ({ item, index }) => ({ index, value: await work(item) }))) results[done.index] = done.value;
  return results;
}

/** Lower-cased, order-preserving de-duplication. */
export function uniqueTenantIds(tenantIds: readonly string[]): string[] {
  return [...new Set(tenantIds.map((id) => id.toLowerCase()))];
}
