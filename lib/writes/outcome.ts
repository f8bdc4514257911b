/**
 * The one outcome model every write to Graph goes through: restore, set up,
 * change, delete and purge sync policies; add, delete, restore and purge
 * partners. Pure and free of server-only imports so client components may use
 * it. An outcome is decided from the write's answer status plus, where the
 * status alone cannot tell (a lost answer, a 404 or 409 that needs context), a
 * re-read of what exists now. A write whose answer was lost is re-read, never
 * resent blindly: only 429/503 prove "not done".
 */
import type { SyncPolicy } from "@/lib/models";
import type { AppError } from "@/lib/result";

export const WRITE_KINDS = [
  "restore-sync-policy",
  "create-sync-policy",
  "update-sync-policy",
  "delete-sync-policy",
  "purge-sync-policy",
  "add-partner",
  "update-partner",
  "delete-partner",
  "restore-partner",
  "purge-partner",
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

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
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface WriteOutcome {
  write: WriteKind;
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
}

/** The write-independent words used by the restore code that came first. */
export type RestoreOutcome = WriteOutcome;
export type RestoreOutcomeKind = OutcomeKind;

/**
 * Kinds a "retry failed" action may resend: nothing was (knowingly) done for them.
 * Not `partner-missing`: resending changes nothing until the partner configuration exists again.
 */
export const RETRYABLE_KINDS: readonly OutcomeKind[] = ["throttled", "unknown", "failed", "unauthorized"];

export function isRetryableOutcome(outcome: Pick<WriteOutcome, "kind">): boolean {
  return RETRYABLE_KINDS.includes(outcome.kind);
}

/** Done, or found already done: the write's effect is there either way. */
export function isSettledOutcome(outcome: Pick<WriteOutcome, "kind">): boolean {
  return outcome.kind === "done" || outcome.kind === "already-done";
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
 * timeout says nothing about whether the backend ran it.
 */
export const RESEND_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** No answer came back (0), or a gateway timed out waiting for one (504): the write may or may not have run. */
export function isLostAnswer(status: number): boolean {
  return status === 0 || status === 504;
}

type SettledKind = Extract<OutcomeKind, "done" | "already-done" | "conflict" | "not-found" | "forbidden" | "unauthorized" | "throttled" | "failed">;

export type WriteStep =
  | { next: "done"; kind: SettledKind }
  /** The status alone cannot tell: re-read what exists now. */
  | { next: "check" };

/** Statuses every write reads the same way. */
function classifyCommon(status: number): WriteStep | null {
  if (status >= 200 && status < 300) return { next: "done", kind: "done" };
  if (isLostAnswer(status)) return { next: "check" };
  if (status === 401) return { next: "done", kind: "unauthorized" };
  if (status === 403) return { next: "done", kind: "forbidden" };
  if (RESEND_STATUSES.has(status)) return { next: "done", kind: "throttled" };
  return null;
}

/** What each write's 404 / 409 / 400 means; restores are classified by classifyRestoreStatus. */
export function classifyWriteStatus(write: Exclude<WriteKind, "restore-sync-policy">, status: number): WriteStep {
  const common = classifyCommon(status);
  if (common) return common;
  if (status === 404) {
    // Removing something already gone reached the asked-for state; changing something gone did not.
    if (write === "delete-sync-policy" || write === "purge-sync-policy" || write === "delete-partner" || write === "purge-partner") {
      return { next: "done", kind: "already-done" };
    }
    return { next: "done", kind: "not-found" };
  }
  // 409 on a create: someone else just created it; the re-read shows what exists.
  if (status === 409) return write === "create-sync-policy" ? { next: "check" } : { next: "done", kind: "conflict" };
  // Graph refuses to delete a partner that still has a sync policy.
  if (status === 400 && write === "delete-partner") return { next: "done", kind: "conflict" };
  return { next: "done", kind: "failed" };
}

/** What a re-read found, measured against the state the write asked for. */
export type Observed =
  | { kind: "reached"; policy?: SyncPolicy | null }
  | { kind: "not-reached"; policy?: SyncPolicy | null }
  | { kind: "unreadable"; error: AppError };

export interface WriteAnswer {
  write: WriteKind;
  tenantId: string;
  /** Final status; 0 when no answer came (network failure, timeout); 504 when a gateway timed out. */
  status: number;
  /** Mapped body of a 2xx answer that carries a sync policy. */
  policy: SyncPolicy | null;
  error: AppError | null;
  attempts: number;
  /** Required when the classification says check; treated as unreadable when missing. */
  observed?: Observed;
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

/** Every write but a restore of a sync policy (toRestoreOutcome). */
export function toWriteOutcome(answer: WriteAnswer): WriteOutcome {
  if (answer.write === "restore-sync-policy") throw new RangeError("Restores are settled by toRestoreOutcome.");
  const base = { write: answer.write, tenantId: answer.tenantId, attempts: answer.attempts };
  const step = classifyWriteStatus(answer.write, answer.status);
  if (step.next === "done") {
    if (step.kind === "done") return { ...base, kind: "done", policy: answer.policy, error: null, retrySafe: false };
    if (step.kind === "already-done") return { ...base, kind: "already-done", policy: null, error: answer.error, retrySafe: false };
    return { ...base, kind: step.kind, policy: null, error: answer.error, retrySafe: null };
  }
  const observed: Observed = answer.observed ?? { kind: "unreadable", error: answer.error ?? unverified(answer) };
  if (answer.status === 409) {
    return { ...base, kind: "conflict", policy: observed.kind === "unreadable" ? null : (observed.policy ?? null), error: answer.error, retrySafe: false };
  }
  // A lost answer: what exists now decides.
  if (observed.kind === "reached") return { ...base, kind: "done", policy: observed.policy ?? null, error: null, retrySafe: false };
  if (observed.kind === "not-reached") return { ...base, kind: "unknown", policy: null, error: answer.error, retrySafe: true };
  return { ...base, kind: "unknown", policy: null, error: answer.error, retrySafe: null };
}

// --- Restore of a sync policy: its 404 and 409 need the live policy and the deleted item to tell apart.

/** What a re-read of the partner's identitySynchronization (and, if asked, its deleted item) found. */
export type LiveState =
  | { kind: "live"; policy: SyncPolicy }
  /** inDeletedItems: null when not checked or the check failed. */
  | { kind: "absent"; inDeletedItems: boolean | null }
  | { kind: "unreadable"; error: AppError };

export type RestoreStep =
  | { next: "done"; kind: "done" | "forbidden" | "unauthorized" | "throttled" | "failed" }
  /** The status alone cannot tell; re-read the live policy. `deletedItems`: also check the deleted item. */
  | { next: "check-live"; deletedItems: boolean };

export function classifyRestoreStatus(status: number): RestoreStep {
  if (status >= 200 && status < 300) return { next: "done", kind: "done" };
  // 404 is also Graph's answer when the policy is still deleted but its partner configuration is gone.
  if (status === 404) return { next: "check-live", deletedItems: true };
  if (status === 409) return { next: "check-live", deletedItems: false };
  if (isLostAnswer(status)) return { next: "check-live", deletedItems: true };
  if (status === 401) return { next: "done", kind: "unauthorized" };
  if (status === 403) return { next: "done", kind: "forbidden" };
  if (RESEND_STATUSES.has(status)) return { next: "done", kind: "throttled" };
  return { next: "done", kind: "failed" };
}

export interface RestoreAnswer {
  tenantId: string;
  status: number;
  policy: SyncPolicy | null;
  error: AppError | null;
  attempts: number;
  /** Required when classifyRestoreStatus says check-live; treated as unreadable when missing. */
  live?: LiveState;
}

function restored(answer: RestoreAnswer, kind: OutcomeKind, policy: SyncPolicy | null, error: AppError | null, retrySafe: boolean | null): WriteOutcome {
  return { write: "restore-sync-policy", tenantId: answer.tenantId, kind, policy, error, attempts: answer.attempts, retrySafe };
}

/** 404: not restorable as asked. The re-read tells restored-by-someone, purged and partner-gone apart. */
function settleNotFound(answer: RestoreAnswer, live: LiveState): WriteOutcome {
  // A live policy exists, so the partner does too: the 404 means the deleted item is gone.
  if (live.kind === "live") return restored(answer, "already-done", live.policy, null, false);
  if (live.kind === "unreadable") return restored(answer, "unknown", null, live.error, null);
  if (live.inDeletedItems === true) return restored(answer, "partner-missing", null, answer.error, true);
  if (live.inDeletedItems === false) return restored(answer, "purged", null, answer.error, false);
  return restored(answer, "unknown", null, answer.error, null);
}

/** No answer (or a gateway timeout): our POST may or may not have landed, so the live state decides. */
function settleLost(answer: RestoreAnswer, live: LiveState): WriteOutcome {
  if (live.kind === "live") return restored(answer, "done", live.policy, null, false);
  if (live.kind === "absent" && live.inDeletedItems === false) return restored(answer, "purged", null, answer.error, false);
  return restored(answer, "unknown", null, answer.error, live.kind === "absent" ? live.inDeletedItems : null);
}

export function toRestoreOutcome(answer: RestoreAnswer): WriteOutcome {
  const step = classifyRestoreStatus(answer.status);
  if (step.next === "done") {
    // A 2xx restore took the policy out of deleted items; the other settled kinds did not look.
    if (step.kind === "done") return restored(answer, "done", answer.policy, null, false);
    return restored(answer, step.kind, null, answer.error, null);
  }
  const live: LiveState = answer.live ?? { kind: "unreadable", error: answer.error ?? unverified(answer) };
  if (answer.status === 409) {
    // Graph answers 409 only after finding the deleted item (404 is checked first), so it is still there.
    return restored(answer, "conflict", live.kind === "live" ? live.policy : null, answer.error, true);
  }
  if (answer.status === 404) return settleNotFound(answer, live);
  return settleLost(answer, live);
}
