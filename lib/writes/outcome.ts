/**
 * The one outcome model every write to Graph goes through: restore, set up,
 * change, delete and purge sync policies; add, delete, restore and purge
 * partners. Pure and free of server-only imports so client components may use
 * it. An outcome is decided from the write's answer status plus, where the
 * status alone cannot tell (a lost answer, a 404 or 409 that needs context), a
 * re-read of what exists now. A write whose answer was lost is re-read, never
 * resent blindly: only 429/503 prove "not done".
 */
import type { SyncPolicy } from "@/lib/core/models";
import type { AppError } from "@/lib/core/result";
import type { ProvisionOnDemandResult } from "@/lib/outbound/models";
import type { WriteKind } from "./words";

/** A write's name; each has its words (and so its entry) in lib/writes/words.ts. */
export type { WriteKind };

export const RESTORE_ROUTES = ["deleted-items", "partner"] as const;
/** `deleted-items`: POST deletedItems/crossTenantSyncPolicyPartners/{id}/restore; `partner`: POST partners/{id}/identitySynchronization/restore. */
export type RestoreRoute = (typeof RESTORE_ROUTES)[number];

export const OUTCOME_KINDS = [
  "done",
  "already-done",
  "purged",
  "partner-missing",
  "conflict",
  "not-found",
  "forbidden",
  "unauthorized",
  "throttled",
  "unknown",
  "failed",
  /** The dashboard's server never answered the browser: a read of Graph is on its way to tell whether it happened. */
  "checking",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** What a done write answered besides its status, for writes whose answer is the point (provision on demand). */
export interface WriteDetail {
  provisioning?: ProvisionOnDemandResult;
}

export interface WriteOutcome {
  write: WriteKind;
  /** The row the write acts on: a tenant id, or a sync configuration's service principal id. */
  tenantId: string;
  kind: OutcomeKind;
  /** The sync policy as Graph returned it or a re-read found it (restore, create, update, 409 on create); else null. */
  policy: SyncPolicy | null;
  error: AppError | null;
  /** How many times the write was sent (resends after 429/503 included). */
  attempts: number;
  /**
   * True when a re-read proved resending can only do what was asked (for a
   * restore: the policy is still in deleted items); null when nobody looked or
   * the look failed.
   */
  retrySafe?: boolean | null;
  /**
   * The dashboard's server never answered the browser (it died, or the network dropped): this
   * outcome is what a read of Graph found afterwards, or (kind "checking") what is still being read.
   */
  answerLost?: boolean;
  /** What a done write answered, when its declaration keeps it (`detailFrom`). */
  detail?: WriteDetail | null;
}

/**
 * Kinds a "retry failed" action may resend: nothing was (knowingly) done for them.
 * Not `partner-missing`: resending changes nothing until the partner configuration exists again.
 */
export const RETRYABLE_KINDS: readonly OutcomeKind[] = ["throttled", "unknown", "failed", "unauthorized"];

export function isRetryableOutcome(outcome: Pick<WriteOutcome, "kind">): boolean {
  return RETRYABLE_KINDS.includes(outcome.kind);
}

/**
 * The rows "Retry failed" (or, after a lost answer, "Restore the N that did not go through") sends:
 * retryable ones that a fresh read shows still to do (`stillToDo`: lower-case tenant ids). A row
 * done, or being checked, is never among them.
 */
export function rowsToResend(outcomes: readonly WriteOutcome[], stillToDo: ReadonlySet<string>): string[] {
  return outcomes.filter(isRetryableOutcome).map((outcome) => outcome.tenantId).filter((tenantId) => stillToDo.has(tenantId.toLowerCase()));
}

/** Done, or found already done: the write's effect is there either way. */
export function isSettledOutcome(outcome: Pick<WriteOutcome, "kind">): boolean {
  return outcome.kind === "done" || outcome.kind === "already-done";
}

/** A row whose answer the dashboard's server never gave the browser: checking until a read of Graph says. */
export function checkingOutcome(write: WriteKind, tenantId: string, error: AppError | null): WriteOutcome {
  return { write, tenantId, kind: "checking", policy: null, error, attempts: 1, retrySafe: null, answerLost: true };
}

/**
 * What a read of Graph found for a row whose answer was lost: done, or not done (so sending it
 * again can only do what was asked). Never a guess: only a read that answered decides.
 */
export function foundAfterLostAnswer(write: WriteKind, tenantId: string, reached: boolean, error: AppError | null, policy: SyncPolicy | null = null): WriteOutcome {
  return reached
    ? { write, tenantId, kind: "done", policy, error: null, attempts: 1, retrySafe: false, answerLost: true }
    : { write, tenantId, kind: "unknown", policy: null, error, attempts: 1, retrySafe: true, answerLost: true };
}

/** A later run's outcomes replace the earlier ones of the same rows, attempts added up; new rows join at the end. */
export function mergeOutcomes(previous: readonly WriteOutcome[], latest: readonly WriteOutcome[]): WriteOutcome[] {
  const key = (outcome: WriteOutcome) => outcome.tenantId.toLowerCase();
  const byId = new Map(latest.map((outcome) => [key(outcome), outcome]));
  const merged = previous.map((outcome) => {
    const newer = byId.get(key(outcome));
    if (!newer) return outcome;
    byId.delete(key(outcome));
    return { ...newer, attempts: outcome.attempts + newer.attempts };
  });
  return [...merged, ...byId.values()];
}

/** The most tenant ids one write action takes; larger selections go in consecutive calls. */
export const MAX_TENANT_IDS_PER_CALL = 500;

/** After a 429/503 the browser counts Graph's Retry-After down and resends this many times before leaving it to the admin. */
export const AUTO_RETRY_ROUNDS = 3;
/** The wait when Graph throttles without a Retry-After. */
export const DEFAULT_RETRY_WAIT_SECONDS = 5;

/**
 * The only answers that prove a write was NOT processed (throttled / unavailable),
 * so the only ones after which it may be sent again. Not 504: a gateway
 * timeout says nothing about whether the backend ran it. The server's short
 * transient waits and the browser's countdown both resend on these and nothing else.
 */
export const RESEND_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** No answer came back (0), or a gateway timed out waiting for one (504): the request may or may not have run. */
export function isUnansweredStatus(status: number): boolean {
  return status === 0 || status === 504;
}

/**
 * What a write's 404 and 409 mean: each declaration says; every other status
 * every write reads alike. "check" reads back what exists now.
 */
export interface StatusRules {
  notFound: "already-done" | "not-found" | "check";
  conflict: "conflict" | "check";
  /** Graph answers 400 when it refuses because of a state (a partner that still has a sync policy). */
  badRequest?: "conflict";
  /** A 409 proves what the write acts on is still there, so resending once the conflict is gone is safe. */
  conflictRetrySafe?: boolean;
}

type SettledKind = Extract<OutcomeKind, "done" | "already-done" | "conflict" | "not-found" | "forbidden" | "unauthorized" | "throttled" | "failed">;

export type WriteStep =
  | { next: "done"; kind: SettledKind }
  /** The status alone cannot tell: read back what exists now. */
  | { next: "check" };

export function classifyWriteStatus(status: number, rules: StatusRules): WriteStep {
  if (status >= 200 && status < 300) return { next: "done", kind: "done" };
  if (isUnansweredStatus(status)) return { next: "check" };
  if (status === 401) return { next: "done", kind: "unauthorized" };
  if (status === 403) return { next: "done", kind: "forbidden" };
  if (RESEND_STATUSES.has(status)) return { next: "done", kind: "throttled" };
  if (status === 404) return rules.notFound === "check" ? { next: "check" } : { next: "done", kind: rules.notFound };
  if (status === 409) return rules.conflict === "check" ? { next: "check" } : { next: "done", kind: "conflict" };
  if (status === 400 && rules.badRequest) return { next: "done", kind: rules.badRequest };
  return { next: "done", kind: "failed" };
}

/** What a read-back found, measured against the state the write asked for. */
export type Observed =
  | { kind: "reached"; policy?: SyncPolicy | null }
  | { kind: "not-reached"; policy?: SyncPolicy | null }
  /** Neither, for good: what the write acts on no longer exists anywhere (a restore of a purged item). */
  | { kind: "gone" }
  | { kind: "unreadable"; error: AppError };

export interface WriteAnswer {
  write: WriteKind;
  tenantId: string;
  /** Final status; 0 when no answer came (network failure, timeout); 504 when a gateway timed out. */
  status: number;
  /** The sync policy a 2xx answer carried or its read-back found. */
  policy: SyncPolicy | null;
  error: AppError | null;
  attempts: number;
  /** Required when the classification says check; treated as unreadable when missing. */
  observed?: Observed;
  /** What a 2xx answer carried that the declaration keeps. */
  detail?: WriteDetail | null;
}

function unverified(answer: { status: number; error: AppError | null }): AppError {
  return {
    status: answer.status,
    code: "WriteUnverified",
    message: "The current state could not be read.",
    requestId: answer.error?.requestId ?? null,
    retryAfterSeconds: null,
  };
}

/** A write that was never sent because what it needs could not be read first. */
export function notSent(write: WriteKind, tenantId: string, error: AppError): WriteOutcome {
  return { write, tenantId, kind: "failed", policy: null, error, attempts: 0, retrySafe: null };
}

/** A write not sent because a read just before it found its effect already there (a put-back row run again). */
export function foundAlreadyDone(write: WriteKind, tenantId: string): WriteOutcome {
  return { write, tenantId, kind: "already-done", policy: null, error: null, attempts: 0, retrySafe: false };
}

/**
 * The one settle function: a write's final answer plus, where the status alone
 * cannot tell, what its read-back found. A lost answer is settled by what exists
 * now, never by resending.
 */
export function settleWrite(answer: WriteAnswer, rules: StatusRules): WriteOutcome {
  const at = (kind: OutcomeKind, policy: SyncPolicy | null, error: AppError | null, retrySafe: boolean | null): WriteOutcome => ({
    write: answer.write,
    tenantId: answer.tenantId,
    kind,
    policy,
    error,
    attempts: answer.attempts,
    retrySafe,
  });
  const step = classifyWriteStatus(answer.status, rules);
  if (step.next === "done") {
    if (step.kind === "done") return answer.detail ? { ...at("done", answer.policy, null, false), detail: answer.detail } : at("done", answer.policy, null, false);
    if (step.kind === "already-done") return at("already-done", null, answer.error, false);
    return at(step.kind, null, answer.error, null);
  }
  const observed: Observed = answer.observed ?? { kind: "unreadable", error: answer.error ?? unverified(answer) };
  const seen = observed.kind === "reached" || observed.kind === "not-reached" ? (observed.policy ?? null) : null;
  if (answer.status === 409) return at("conflict", seen, answer.error, rules.conflictRetrySafe ?? false);
  if (answer.status === 404) {
    // Not there as asked: done by someone else, gone for good, or its parent is missing.
    if (observed.kind === "reached") return at("already-done", seen, null, false);
    if (observed.kind === "not-reached") return at("partner-missing", null, answer.error, true);
    if (observed.kind === "gone") return at("purged", null, answer.error, false);
    return at("unknown", null, observed.error, null);
  }
  // A lost answer: what exists now decides.
  if (observed.kind === "reached") return at("done", seen, null, false);
  if (observed.kind === "gone") return at("purged", null, answer.error, false);
  if (observed.kind === "not-reached") return at("unknown", null, answer.error, true);
  return at("unknown", null, answer.error, null);
}
