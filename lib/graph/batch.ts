import "server-only";
/**
 * Graph JSON batching. Owns: the `POST /$batch` envelope (at most 20 requests,
 * unique ids), splitting work into batches, and bulk restore: per-item retries
 * of 429/503 items only, then one follow-up batch of GETs to settle every item
 * whose restore answer alone cannot say what happened. A restore POST is resent
 * only after an answer that means "not done" (429/503), whether the item or the
 * whole envelope got it; never after a 504 or a lost answer.
 */
import { fail, ok, type AppError, type Result } from "@/lib/result";
import { graphRequest, DEFAULT_MAX_RETRIES, type GraphOptions } from "./client";
import { isRecordValue, toAppError } from "./errors";
import { toSyncPolicy, unwrapRestoreBody } from "./mappers";
import { deletedSyncPolicyPath, restorePath, syncPolicyPath } from "./paths";
import {
  classifyRestoreStatus,
  RESEND_STATUSES,
  toRestoreOutcome,
  classifyWriteStatus,
  toWriteOutcome,
  type LiveState,
  type Observed,
  type RestoreAnswer,
  type WriteOutcome,
  type RestoreOutcome,
} from "@/lib/writes/outcome";
import { defaultSleep, parseRetryAfter, planItemRetry, retryDelayMs, type ThrottledItem } from "./retry";
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

/** Envelope statuses after which sendBatch may resend the whole batch: none, for batches that must never run twice. */
const NEVER_RESEND: ReadonlySet<number> = new Set();

/**
 * One `POST /$batch`; the answer lists every requested id (missing ones get status 0), in request order.
 * `envelopeRetryStatuses` narrows when the envelope itself is resent (default: graphRequest's 429/503/504).
 */
export async function sendBatch(
  token: string,
  requests: readonly BatchRequest[],
  options: GraphOptions = {},
  envelopeRetryStatuses?: ReadonlySet<number>,
): Promise<Result<BatchResponse[]>> {
  if (requests.length === 0) return ok([]);
  if (requests.length > MAX_BATCH_SIZE) return fail(batchShapeError(`A batch holds at most ${MAX_BATCH_SIZE} requests.`));
  if (new Set(requests.map((r) => r.id)).size !== requests.length) return fail(batchShapeError("Batch request ids must be unique."));

  const body = {
    requests: requests.map((r) =>
      r.body === undefined ? r : { ...r, headers: { "Content-Type": "application/json", ...r.headers } },
    ),
  };
  const result = await graphRequest<WireBatchResponse | null>(
    { token, method: "POST", path: "/$batch", body, retryStatuses: envelopeRetryStatuses },
    options,
  );
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
  return toAppError({
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

async function mapWithConcurrency<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const indexed = items.map((item, index) => ({ item, index }));
  for await (const done of inCompletionOrder(indexed, concurrency, async ({ item, index }) => ({ index, value: await work(item) }))) results[done.index] = done.value;
  return results;
}

/** Lower-cased, order-preserving de-duplication. */
export function uniqueTenantIds(tenantIds: readonly string[]): string[] {
  return [...new Set(tenantIds.map((id) => id.toLowerCase()))];
}

interface ChunkState {
  attempts: Map<string, number>;
  answers: Map<string, RestoreAnswer>;
}

function answerFrom(tenantId: string, status: number, error: AppError | null, body: unknown, state: ChunkState): RestoreAnswer {
  const wire = status >= 200 && status < 300 ? unwrapRestoreBody(body) : null;
  return {
    tenantId,
    status,
    policy: wire ? toSyncPolicy(wire, tenantId) : null,
    error,
    attempts: state.attempts.get(tenantId) ?? 0,
  };
}

interface ItemAnswer {
  id: string;
  status: number;
  error: AppError | null;
  body: unknown;
}

/**
 * What each restore item got. A failed envelope gives every item its answer: a 429/503
 * envelope throttles them all (resent by the per-item loop), while a 504 or no answer
 * leaves each one ambiguous, to be settled by re-reading state.
 */
function restoreItemAnswers(ids: readonly string[], sent: Result<BatchResponse[]>): ItemAnswer[] {
  if (!sent.ok) return ids.map((id) => ({ id, status: sent.error.status, error: sent.error, body: null }));
  return sent.data.map((item) => ({
    id: item.id,
    status: item.status,
    error: item.status >= 200 && item.status < 300 ? null : batchItemError(item),
    body: item.body,
  }));
}

/** Sends one write per id in $batches, resending only items answered 429/503; every other answer is final. */
async function writeChunk(
  token: string,
  tenantIds: readonly string[],
  toRequest: (tenantId: string) => BatchRequest,
  options: BatchOptions,
): Promise<Map<string, RestoreAnswer>> {
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = 1 + Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const state: ChunkState = { attempts: new Map(), answers: new Map() };
  let pending = [...tenantIds];

  for (let round = 0; pending.length > 0; round++) {
    for (const id of pending) state.attempts.set(id, (state.attempts.get(id) ?? 0) + 1);
    const requests = pending.map(toRequest);
    // graphRequest must not resend the envelope: after a 504 some writes in it may have run.
    const sent = await sendBatch(token, requests, options, NEVER_RESEND);

    const throttled: ThrottledItem[] = [];
    const lastErrors = new Map<string, AppError>();
    for (const item of restoreItemAnswers(pending, sent)) {
      if (item.error && RESEND_STATUSES.has(item.status)) {
        throttled.push({ id: item.id, retryAfterSeconds: item.error.retryAfterSeconds });
        lastErrors.set(item.id, item.error);
        continue;
      }
      state.answers.set(item.id, answerFrom(item.id, item.status, item.error, item.body, state));
    }

    const plan = planItemRetry(throttled, state.attempts, maxAttempts, round, options.random, options.maxRetryWaitMs);
    for (const id of plan.exhaustedIds) {
      const error = lastErrors.get(id);
      if (!error) continue;
      const retryAfterSeconds = error.retryAfterSeconds ?? Math.ceil(retryDelayMs(null, round, options.random) / 1000);
      state.answers.set(id, answerFrom(id, error.status, { ...error, retryAfterSeconds }, null, state));
    }
    if (plan.retryIds.length > 0) await sleep(plan.waitMs);
    pending = plan.retryIds;
  }
  return state.answers;
}

interface LiveCheck {
  tenantId: string;
  deletedItems: boolean;
}

function unreadable(error: AppError): LiveState {
  return { kind: "unreadable", error };
}

/** One follow-up phase of GET batches (chunks of 20 requests) reading live (and deleted) state. */
async function readLiveStates(token: string, checks: readonly LiveCheck[], options: BatchOptions): Promise<Map<string, LiveState>> {
  const requests: BatchRequest[] = [];
  checks.forEach((check, index) => {
    requests.push({ id: `live-${index}`, method: "GET", url: syncPolicyPath(check.tenantId) });
    if (check.deletedItems) requests.push({ id: `deleted-${index}`, method: "GET", url: deletedSyncPolicyPath(check.tenantId) });
  });
  const responses = new Map<string, BatchResponse | AppError>();
  const chunks = splitIntoBatches(requests);
  await mapWithConcurrency(chunks, options.concurrency ?? DEFAULT_BATCH_CONCURRENCY, async (chunk) => {
    const sent = await sendBatch(token, chunk, options);
    for (const [i, request] of chunk.entries()) responses.set(request.id, sent.ok ? (sent.data[i] ?? { id: request.id, status: 0, headers: {}, body: null }) : sent.error);
  });

  const states = new Map<string, LiveState>();
  checks.forEach((check, index) => {
    const live = responses.get(`live-${index}`);
    if (live === undefined || !("body" in live)) {
      states.set(check.tenantId, unreadable(live ?? batchShapeError("No live-state answer.")));
      return;
    }
    if (live.status === 200) {
      states.set(check.tenantId, { kind: "live", policy: toSyncPolicy(unwrapRestoreBody(live.body), check.tenantId) });
      return;
    }
    if (live.status !== 404) {
      states.set(check.tenantId, unreadable(batchItemError(live)));
      return;
    }
    const deleted = check.deletedItems ? responses.get(`deleted-${index}`) : undefined;
    const inDeletedItems = deleted && "body" in deleted && (deleted.status === 200 || deleted.status === 404) ? deleted.status === 200 : null;
    states.set(check.tenantId, { kind: "absent", inDeletedItems });
  });
  return states;
}

/**
 * Restores many deleted sync policies (deleted-items route) via $batch and
 * returns one outcome per distinct tenant id, in input order.
 */
export async function restoreSyncPolicies(
  token: string,
  tenantIds: readonly string[],
  options: BatchOptions = {},
): Promise<Result<RestoreOutcome[]>> {
  const ids = uniqueTenantIds(tenantIds);
  const chunkAnswers = await mapWithConcurrency(splitIntoBatches(ids), options.concurrency ?? DEFAULT_BATCH_CONCURRENCY, (chunk) =>
    writeChunk(token, chunk, (id) => ({ id, method: "POST", url: restorePath(id, "deleted-items") }), options),
  );
  const answers = new Map<string, RestoreAnswer>();
  for (const chunk of chunkAnswers) for (const [id, answer] of chunk) answers.set(id, answer);

  const checks: LiveCheck[] = [];
  for (const answer of answers.values()) {
    const step = classifyRestoreStatus(answer.status);
    if (step.next === "check-live") checks.push({ tenantId: answer.tenantId, deletedItems: step.deletedItems });
  }
  const liveStates = checks.length > 0 ? await readLiveStates(token, checks, options) : new Map<string, LiveState>();

  return ok(
    ids.map((id) => {
      const answer = answers.get(id) ?? answerFrom(id, 0, null, null, { attempts: new Map(), answers: new Map() });
      return toRestoreOutcome({ ...answer, live: liveStates.get(id) ?? answer.live });
    }),
  );
}

/**
 * Purges many deleted sync policies via $batch: one outcome per distinct tenant id,
 * in input order. Lost answers are settled by one batch of GETs on deleted items.
 */
export async function purgeSyncPolicies(token: string, tenantIds: readonly string[], options: BatchOptions = {}): Promise<Result<WriteOutcome[]>> {
  const ids = uniqueTenantIds(tenantIds);
  const chunkAnswers = await mapWithConcurrency(splitIntoBatches(ids), options.concurrency ?? DEFAULT_BATCH_CONCURRENCY, (chunk) =>
    writeChunk(token, chunk, (id) => ({ id, method: "DELETE", url: deletedSyncPolicyPath(id) }), options),
  );
  const answers = new Map<string, RestoreAnswer>();
  for (const chunk of chunkAnswers) for (const [id, answer] of chunk) answers.set(id, answer);

  const toCheck = [...answers.values()].filter((answer) => classifyWriteStatus("purge-sync-policy", answer.status).next === "check").map((answer) => answer.tenantId);
  const observed = new Map<string, Observed>();
  for (const chunk of splitIntoBatches(toCheck)) {
    const sent = await sendBatch(token, chunk.map((id) => ({ id, method: "GET" as const, url: deletedSyncPolicyPath(id) })), options);
    for (const [index, id] of chunk.entries()) {
      const item = sent.ok ? sent.data[index] : undefined;
      if (!sent.ok) observed.set(id, { kind: "unreadable", error: sent.error });
      else if (item?.status === 404) observed.set(id, { kind: "reached" });
      else if (item?.status === 200) observed.set(id, { kind: "not-reached" });
      else if (item) observed.set(id, { kind: "unreadable", error: batchItemError(item) });
    }
  }
  return ok(
    ids.map((id) => {
      const answer = answers.get(id) ?? { tenantId: id, status: 0, policy: null, error: null, attempts: 0 };
      return toWriteOutcome({ write: "purge-sync-policy", tenantId: id, status: answer.status, policy: null, error: answer.error, attempts: answer.attempts, observed: observed.get(id) });
    }),
  );
}
