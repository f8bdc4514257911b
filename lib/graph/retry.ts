import "server-only";

import { isUnansweredStatus, RESEND_STATUSES } from "@/lib/writes/outcome";

export const MAX_RETRY_WAIT_MS = 10_000;
const BASE_BACKOFF_MS = 500;

/**
 * The one rule for the server's short transient waits: 429/503 prove the request
 * did not run, so anything may go again; a 504 says nothing, so only a request
 * that may run twice (a read) goes again.
 */
export function mayResend(status: number, idempotent: boolean): boolean {
  return RESEND_STATUSES.has(status) || (idempotent && status !== 0 && isUnansweredStatus(status));
}

/** Retry-After is seconds in practice; the HTTP-date form is accepted too. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return null;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

/** Exponential backoff with full jitter, for answers without Retry-After. `attempt` starts at 0. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random, maxWaitMs: number = MAX_RETRY_WAIT_MS): number {
  const ceiling = Math.min(maxWaitMs, BASE_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** How long to wait before the next attempt: Retry-After when given (capped), else backoff. */
export function retryDelayMs(retryAfterSeconds: number | null, attempt: number, random?: () => number, maxWaitMs: number = MAX_RETRY_WAIT_MS): number {
  if (retryAfterSeconds !== null) return Math.min(maxWaitMs, retryAfterSeconds * 1000);
  return backoffDelayMs(attempt, random, maxWaitMs);
}

export interface ThrottledItem {
  id: string;
  retryAfterSeconds: number | null;
}

export interface ItemRetryPlan {
  /** Ids to resend in the next round. */
  retryIds: string[];
  /** Ids that ran out of attempts and stay throttled. */
  exhaustedIds: string[];
  /** Wait before the next round: the largest item Retry-After, capped; backoff when none gave one. */
  waitMs: number;
}

/**
 * Plans the next round of a $batch whose items were throttled one by one.
 * `attempts` holds how many times each id has been sent so far.
 */
export function planItemRetry(
  throttled: readonly ThrottledItem[],
  attempts: ReadonlyMap<string, number>,
  maxAttempts: number,
  round: number,
  random?: () => number,
  maxWaitMs: number = MAX_RETRY_WAIT_MS,
): ItemRetryPlan {
  const retryIds: string[] = [];
  const exhaustedIds: string[] = [];
  let largestRetryAfter: number | null = null;
  for (const item of throttled) {
    // Out of attempts, or asked to wait longer than we hold a request: the caller decides when to resend.
    const asksTooLong = item.retryAfterSeconds !== null && item.retryAfterSeconds * 1000 > maxWaitMs;
    if ((attempts.get(item.id) ?? 0) >= maxAttempts || asksTooLong) {
      exhaustedIds.push(item.id);
      continue;
    }
    retryIds.push(item.id);
    if (item.retryAfterSeconds !== null) {
      largestRetryAfter = Math.max(largestRetryAfter ?? 0, item.retryAfterSeconds);
    }
  }
  const waitMs = retryIds.length === 0 ? 0 : retryDelayMs(largestRetryAfter, round, random, maxWaitMs);
  return { retryIds, exhaustedIds, waitMs };
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
