import "server-only";
/**
 * The write engine's server half. Every write is a declaration (GraphWrite): its
 * request, what Graph's 404 / 409 mean for it, and the reads that tell whether
 * it happened. This file owns the rest once: sending one write alone or many in
 * `$batch` chunks, resending only items answered 429/503 (the envelope of a
 * batch of writes is never resent, since after a 504 some may have run), reading
 * back what the status alone cannot tell (one read per write alone, `$batch`
 * GETs for many), settling every outcome through lib/writes, and running
 * multi-step writes as a sequence.
 */
import type { SyncPolicy } from "@/lib/core/models";
import type { AppError } from "@/lib/core/result";
import { classifyWriteStatus, isSettledOutcome, RESEND_STATUSES, settleWrite, type Observed, type StatusRules, type WriteDetail, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { sendGraphRequest, DEFAULT_MAX_RETRIES, type GraphMethod, type GraphOptions } from "./client";
import { batchItemError, mapWithConcurrency, sendBatch, splitIntoBatches, type BatchOptions, type BatchRequest, type BatchResponse } from "./batch";
import { defaultSleep, planItemRetry, retryDelayMs, type ThrottledItem } from "./retry";

/** One answer to a read-back GET. */
export interface ReadAnswer {
  status: number;
  body: unknown;
  /** Set for anything but a 2xx. */
  error: AppError | null;
}

export interface GraphWrite {
  write: WriteKind;
  tenantId: string;
  method: Exclude<GraphMethod, "GET">;
  path: string;
  body?: unknown;
  rules: StatusRules;
  /** GETs that tell whether the state the write asked for holds now, read in this order. */
  reads: readonly string[];
  /** What those answers mean; gets one answer per read. */
  observe: (answers: readonly ReadAnswer[]) => Observed;
  /** The sync policy a 2xx answer carries, if any. */
  policyFrom?: (body: unknown) => SyncPolicy | null;
  /** After a 2xx without a policy in its body, read back to show what Graph holds now. */
  readBackDone?: boolean;
  /** What a 2xx answer's body says that the outcome carries back (provision on demand's steps). */
  detailFrom?: (body: unknown) => WriteDetail | null;
}

interface Sent {
  status: number;
  error: AppError | null;
  body: unknown;
  attempts: number;
}

/** A write alone: graphRequest resends 429/503 only, never a 504 or a lost answer. */
async function sendOne(token: string, write: GraphWrite, options: GraphOptions): Promise<Sent> {
  const { result, attempts } = await sendGraphRequest({ token, method: write.method, path: write.path, body: write.body }, options);
  if (result.ok) return { status: result.data.status, error: null, body: result.data.body, attempts };
  return { status: result.error.status, error: result.error, body: null, attempts };
}

function itemAnswer(item: BatchResponse): Omit<Sent, "attempts"> {
  const done = item.status >= 200 && item.status < 300;
  return { status: item.status, error: done ? null : batchItemError(item), body: done ? item.body : null };
}

/**
 * Writes in `$batch` envelopes of at most 20, resending only items answered
 * 429/503. A failed envelope gives every item its answer: 429/503 throttles them
 * all (resent here), a 504 or no answer leaves each to be read back.
 */
async function sendChunk(token: string, writes: readonly GraphWrite[], options: BatchOptions): Promise<Sent[]> {
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = 1 + Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const attempts = new Map<string, number>();
  const answers = new Map<string, Sent>();
  // Item ids are the tenant ids (unique per call): Graph's answers and its logs name the row.
  const ids = writes.map((write) => write.tenantId);
  const byId = new Map(writes.map((write) => [write.tenantId, write]));
  let pending = ids;

  for (let round = 0; pending.length > 0; round++) {
    for (const id of pending) attempts.set(id, (attempts.get(id) ?? 0) + 1);
    const requests: BatchRequest[] = pending.map((id) => {
      const write = byId.get(id) as GraphWrite;
      return write.body === undefined ? { id, method: write.method, url: write.path } : { id, method: write.method, url: write.path, body: write.body };
    });
    const sent = await sendBatch(token, requests, options);
    const throttled: ThrottledItem[] = [];
    const lastErrors = new Map<string, AppError>();
    for (const [index, id] of pending.entries()) {
      const answer = sent.ok ? itemAnswer(sent.data[index] ?? { id, status: 0, headers: {}, body: null }) : { status: sent.error.status, error: sent.error, body: null };
      if (answer.error && RESEND_STATUSES.has(answer.status)) {
        throttled.push({ id, retryAfterSeconds: answer.error.retryAfterSeconds });
        lastErrors.set(id, answer.error);
        continue;
      }
      answers.set(id, { ...answer, attempts: attempts.get(id) ?? 0 });
    }
    const plan = planItemRetry(throttled, attempts, maxAttempts, round, options.random, options.maxRetryWaitMs);
    for (const id of plan.exhaustedIds) {
      const error = lastErrors.get(id);
      if (!error) continue;
      // The browser counts this wait down before sending again: give it one.
      const retryAfterSeconds = error.retryAfterSeconds ?? Math.ceil(retryDelayMs(null, round, options.random) / 1000);
      answers.set(id, { status: error.status, error: { ...error, retryAfterSeconds }, body: null, attempts: attempts.get(id) ?? 0 });
    }
    if (plan.retryIds.length > 0) await sleep(plan.waitMs);
    pending = plan.retryIds;
  }
  return ids.map((id) => answers.get(id) ?? { status: 0, error: null, body: null, attempts: attempts.get(id) ?? 0 });
}

function toReadAnswer(item: BatchResponse | AppError): ReadAnswer {
  if (!("body" in item)) return { status: item.status, body: null, error: item };
  return item.status >= 200 && item.status < 300 ? { status: item.status, body: item.body, error: null } : { status: item.status, body: item.body, error: batchItemError(item) };
}

/** Every read-back's GETs: one request each for a write alone, `$batch` envelopes of GETs for many. */
async function readBack(token: string, writes: readonly GraphWrite[], alone: boolean, options: BatchOptions): Promise<Observed[]> {
  const requests: BatchRequest[] = writes.flatMap((write, w) => write.reads.map((url, r) => ({ id: `${w}-${r}`, method: "GET" as const, url })));
  const answers = new Map<string, ReadAnswer>();
  if (alone) {
    for (const request of requests) {
      const { result } = await sendGraphRequest({ token, method: "GET", path: request.url }, options);
      answers.set(request.id, result.ok ? { status: result.data.status, body: result.data.body, error: null } : { status: result.error.status, body: null, error: result.error });
    }
  } else {
    await mapWithConcurrency(splitIntoBatches(requests), options.concurrency, async (chunk) => {
      const sent = await sendBatch(token, chunk, options);
      for (const [index, request] of chunk.entries()) {
        answers.set(request.id, toReadAnswer(sent.ok ? (sent.data[index] ?? { id: request.id, status: 0, headers: {}, body: null }) : sent.error));
      }
    });
  }
  return writes.map((write, w) => write.observe(write.reads.map((_, r) => answers.get(`${w}-${r}`) ?? { status: 0, body: null, error: null })));
}

export interface WriteRunOptions extends BatchOptions {
  /** Send even one write in a `$batch` (bulk actions answer alike for one row or many). */
  alwaysBatch?: boolean;
}

/** Runs writes (one alone, or many in `$batch` chunks) and settles each: one outcome per write, in order. */
export async function runWrites(token: string, writes: readonly GraphWrite[], options: WriteRunOptions = {}): Promise<WriteOutcome[]> {
  if (writes.length === 0) return [];
  const alone = writes.length === 1 && options.alwaysBatch !== true;
  const sent =
    alone
      ? [await sendOne(token, writes[0] as GraphWrite, options)]
      : (await mapWithConcurrency(splitIntoBatches(writes), options.concurrency, (chunk) => sendChunk(token, chunk, options))).flat();

  const policies = sent.map((answer, index) => (answer.error === null ? ((writes[index] as GraphWrite).policyFrom?.(answer.body) ?? null) : null));
  const toRead = writes
    .map((write, index) => ({ write, index }))
    .filter(({ write, index }) => {
      const answer = sent[index] as Sent;
      const step = classifyWriteStatus(answer.status, write.rules);
      if (step.next === "check") return true;
      return step.kind === "done" && write.readBackDone === true && policies[index] === null;
    });
  const observed = new Map<number, Observed>();
  if (toRead.length > 0) {
    const found = await readBack(token, toRead.map(({ write }) => write), alone, options);
    toRead.forEach(({ index }, i) => observed.set(index, found[i] as Observed));
  }

  return writes.map((write, index) => {
    const answer = sent[index] as Sent;
    const seen = observed.get(index);
    const policy = policies[index] ?? (answer.error === null && seen && (seen.kind === "reached" || seen.kind === "not-reached") ? (seen.policy ?? null) : null);
    const detail = answer.error === null && write.detailFrom ? write.detailFrom(answer.body) : null;
    return settleWrite({ write: write.write, tenantId: write.tenantId, status: answer.status, policy, error: answer.error, attempts: answer.attempts, observed: seen, detail }, write.rules);
  });
}

/** One step of a multi-step write: its declaration, or the outcome that says why it could not be built. */
export interface WriteStepSpec {
  declare: () => GraphWrite | WriteOutcome | Promise<GraphWrite | WriteOutcome>;
  /** Whether the step runs after the previous one's outcome; by default only after it is done or already done. */
  after?: (previous: WriteOutcome) => boolean;
}

const isOutcome = (value: GraphWrite | WriteOutcome): value is WriteOutcome => "kind" in value;

/** Runs the steps in order, each only when the one before allows it: one outcome per step that ran. */
export async function runSequence(token: string, steps: readonly WriteStepSpec[], options: GraphOptions = {}): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const step of steps) {
    const previous = outcomes[outcomes.length - 1];
    if (previous && !(step.after ?? isSettledOutcome)(previous)) break;
    const declared = await step.declare();
    outcomes.push(isOutcome(declared) ? declared : ((await runWrites(token, [declared], options))[0] as WriteOutcome));
  }
  return outcomes;
}

/** Reads one resource and says whether its presence (or absence) is what the write asked for. */
export function presence(wantPresent: boolean, policyOf?: (body: unknown) => SyncPolicy | null) {
  return ([answer]: readonly ReadAnswer[]): Observed => {
    if (!answer) return { kind: "unreadable", error: missingRead() };
    if (answer.status === 404) return { kind: wantPresent ? "not-reached" : "reached", policy: null };
    if (answer.error) return { kind: "unreadable", error: answer.error };
    if (answer.status === 0) return { kind: "unreadable", error: missingRead() };
    return { kind: wantPresent ? "reached" : "not-reached", policy: policyOf?.(answer.body) ?? null };
  };
}

/**
 * A DELETE of what `path` names (soft delete, or purge from deleted items): done once `path` reads
 * 404, so a 404 answer means someone did it already. `badRequest` for a delete Graph refuses by state.
 */
export function removalWrite(write: WriteKind, tenantId: string, path: string, refusal: Pick<StatusRules, "badRequest"> = {}): GraphWrite {
  return {
    write,
    tenantId,
    method: "DELETE",
    path,
    rules: { notFound: "already-done", conflict: "conflict", ...refusal },
    reads: [path],
    observe: presence(false),
  };
}

export function missingRead(): AppError {
  return { status: 0, code: "MissingBatchItem", message: "Microsoft Graph did not answer the read-back.", requestId: null, retryAfterSeconds: null };
}
