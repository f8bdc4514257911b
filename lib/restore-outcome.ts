/**
 * Restore outcome model: what a restore attempt ended as, in words the UI can
 * show. Pure and free of server-only / Node imports so client components may
 * import it. Every kind is decided from the restore answer's status plus, where
 * the status alone cannot tell, a re-read of the live policy.
 */
import type { SyncPolicy } from "@/lib/models";
import type { AppError } from "@/lib/result";

export const RESTORE_ROUTES = ["deleted-items", "partner"] as const;
/** `deleted-items`: POST deletedItems/crossTenantSyncPolicyPartners/{id}/restore; `partner`: POST partners/{id}/identitySynchronization/restore. */
export type RestoreRoute = (typeof RESTORE_ROUTES)[number];

export const RESTORE_OUTCOME_KINDS = [
  "restored",
  "already-restored",
  "purged",
  "partner-missing",
  "conflict",
  "forbidden",
  "unauthorized",
  "throttled",
  "unknown",
  "failed",
] as const;
export type RestoreOutcomeKind = (typeof RESTORE_OUTCOME_KINDS)[number];

export interface RestoreOutcome {
  tenantId: string;
  kind: RestoreOutcomeKind;
  /** restored: what Graph returned; already-restored / conflict: the live policy when it could be read. */
  policy: SyncPolicy | null;
  error: AppError | null;
  /** How many restore POSTs were sent for this id (resends after 429/503 included). */
  attempts: number;
  /**
   * Whether the policy is still in deleted items, as far as Graph's answer or the
   * re-read showed; null when nobody looked or the look failed. Optional only so
   * outcomes built before this field existed still type-check; treat missing as null.
   */
  stillInDeletedItems?: boolean | null;
}

/**
 * Kinds a "retry failed" action may resend: nothing was (knowingly) done for them.
 * Not `partner-missing`: resending changes nothing until the partner configuration exists again.
 */
export const RETRYABLE_RESTORE_KINDS: readonly RestoreOutcomeKind[] = ["throttled", "unknown", "failed", "unauthorized"];

export function isRetryableRestoreOutcome(outcome: Pick<RestoreOutcome, "kind">): boolean {
  return RETRYABLE_RESTORE_KINDS.includes(outcome.kind);
}

/** What a re-read of the partner's identitySynchronization (and, if asked, its deleted item) found. */
export type LiveState =
  | { kind: "live"; policy: SyncPolicy }
  /** inDeletedItems: null when not checked or the check failed. */
  | { kind: "absent"; inDeletedItems: boolean | null }
  | { kind: "unreadable"; error: AppError };

export type RestoreStep =
  | { next: "done"; kind: "restored" | "forbidden" | "unauthorized" | "throttled" | "failed" }
  /** The status alone cannot tell; re-read the live policy. `deletedItems`: also check the deleted item. */
  | { next: "check-live"; deletedItems: boolean };

/**
 * The only answers that prove a restore was NOT processed (throttled / unavailable),
 * so the only ones after which a restore POST may be sent again. Not 504: a gateway
 * timeout says nothing about whether the backend ran the restore.
 */
export const RESTORE_RESEND_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** No answer came back (0), or a gateway timed out waiting for one (504): the restore may or may not have run. */
function isLostRestoreAnswer(status: number): boolean {
  return status === 0 || status === 504;
}

export function classifyRestoreStatus(status: number): RestoreStep {
  if (status >= 200 && status < 300) return { next: "done", kind: "restored" };
  // 404 is also Graph's answer when the policy is still deleted but its partner configuration is gone.
  if (status === 404) return { next: "check-live", deletedItems: true };
  if (status === 409) return { next: "check-live", deletedItems: false };
  if (isLostRestoreAnswer(status)) return { next: "check-live", deletedItems: true };
  if (status === 401) return { next: "done", kind: "unauthorized" };
  if (status === 403) return { next: "done", kind: "forbidden" };
  if (RESTORE_RESEND_STATUSES.has(status)) return { next: "done", kind: "throttled" };
  return { next: "done", kind: "failed" };
}

export interface RestoreAnswer {
  tenantId: string;
  /** Final status of the restore POST; 0 when no answer came (network failure, timeout); 504 when a gateway timed out. */
  status: number;
  /** Mapped body of a 2xx answer. */
  policy: SyncPolicy | null;
  /** Final error when the answer was not 2xx. */
  error: AppError | null;
  attempts: number;
  /** Required when classifyRestoreStatus says check-live; treated as unreadable when missing. */
  live?: LiveState;
}

function outcome(
  answer: RestoreAnswer,
  kind: RestoreOutcomeKind,
  policy: SyncPolicy | null,
  error: AppError | null,
  stillInDeletedItems: boolean | null,
): RestoreOutcome {
  return { tenantId: answer.tenantId, kind, policy, error, attempts: answer.attempts, stillInDeletedItems };
}

function unverified(answer: RestoreAnswer): AppError {
  return {
    status: answer.status,
    code: "RestoreUnverified",
    message: "The current state of this policy could not be read.",
    requestId: answer.error?.requestId ?? null,
    retryAfterSeconds: null,
  };
}

function settleAnswered(answer: RestoreAnswer, step: Extract<RestoreStep, { next: "done" }>): RestoreOutcome {
  // A 2xx restore took the policy out of deleted items; the other settled kinds did not look.
  if (step.kind === "restored") return outcome(answer, "restored", answer.policy, null, false);
  return outcome(answer, step.kind, null, answer.error, null);
}

/** 404: not restorable as asked. The re-read tells restored-by-someone, purged and partner-gone apart. */
function settleNotFound(answer: RestoreAnswer, live: LiveState): RestoreOutcome {
  // A live policy exists, so the partner does too: the 404 means the deleted item is gone.
  if (live.kind === "live") return outcome(answer, "already-restored", live.policy, null, false);
  if (live.kind === "unreadable") return outcome(answer, "unknown", null, live.error, null);
  if (live.inDeletedItems === true) return outcome(answer, "partner-missing", null, answer.error, true);
  if (live.inDeletedItems === false) return outcome(answer, "purged", null, answer.error, false);
  return outcome(answer, "unknown", null, answer.error, null);
}

/** No answer (or a gateway timeout): our POST may or may not have landed, so the live state decides. */
function settleLost(answer: RestoreAnswer, live: LiveState): RestoreOutcome {
  if (live.kind === "live") return outcome(answer, "restored", live.policy, null, false);
  if (live.kind === "absent" && live.inDeletedItems === false) return outcome(answer, "purged", null, answer.error, false);
  return outcome(answer, "unknown", null, answer.error, live.kind === "absent" ? live.inDeletedItems : null);
}

export function toRestoreOutcome(answer: RestoreAnswer): RestoreOutcome {
  const step = classifyRestoreStatus(answer.status);
  if (step.next === "done") return settleAnswered(answer, step);
  const live: LiveState = answer.live ?? { kind: "unreadable", error: answer.error ?? unverified(answer) };

  if (answer.status === 409) {
    // Graph answers 409 only after finding the deleted item (404 is checked first), so it is still there.
    return outcome(answer, "conflict", live.kind === "live" ? live.policy : null, answer.error, true);
  }
  if (answer.status === 404) return settleNotFound(answer, live);
  return settleLost(answer, live);
}
