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
  /** How many restore POSTs were sent for this id (retries after 429/503/504 included). */
  attempts: number;
}

/** Kinds a "retry failed" action may resend: nothing was (knowingly) done for them. */
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

const THROTTLE_STATUSES = new Set([429, 503, 504]);

export function classifyRestoreStatus(status: number): RestoreStep {
  if (status >= 200 && status < 300) return { next: "done", kind: "restored" };
  if (status === 404 || status === 409) return { next: "check-live", deletedItems: false };
  if (status === 0) return { next: "check-live", deletedItems: true };
  if (status === 401) return { next: "done", kind: "unauthorized" };
  if (status === 403) return { next: "done", kind: "forbidden" };
  if (THROTTLE_STATUSES.has(status)) return { next: "done", kind: "throttled" };
  return { next: "done", kind: "failed" };
}

export interface RestoreAnswer {
  tenantId: string;
  /** Final status of the restore POST; 0 when no answer came (network failure, timeout). */
  status: number;
  /** Mapped body of a 2xx answer. */
  policy: SyncPolicy | null;
  /** Final error when the answer was not 2xx. */
  error: AppError | null;
  attempts: number;
  /**
   * An earlier attempt got an answer that does not prove "not done" (504 gateway timeout):
   * a later 404 with a live policy is then most likely our own restore.
   */
  mayHaveRestoredEarlier?: boolean;
  /** Required when classifyRestoreStatus says check-live; treated as unreadable when missing. */
  live?: LiveState;
}

function outcome(answer: RestoreAnswer, kind: RestoreOutcomeKind, policy: SyncPolicy | null, error: AppError | null): RestoreOutcome {
  return { tenantId: answer.tenantId, kind, policy, error, attempts: answer.attempts };
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

export function toRestoreOutcome(answer: RestoreAnswer): RestoreOutcome {
  const step = classifyRestoreStatus(answer.status);
  if (step.next === "done") {
    return step.kind === "restored" ? outcome(answer, "restored", answer.policy, null) : outcome(answer, step.kind, null, answer.error);
  }
  const live: LiveState = answer.live ?? { kind: "unreadable", error: answer.error ?? unverified(answer) };

  if (answer.status === 409) {
    return outcome(answer, "conflict", live.kind === "live" ? live.policy : null, answer.error);
  }
  if (answer.status === 404) {
    if (live.kind === "live") return outcome(answer, answer.mayHaveRestoredEarlier ? "restored" : "already-restored", live.policy, null);
    if (live.kind === "absent") return outcome(answer, "purged", null, answer.error);
    return outcome(answer, "unknown", null, live.error);
  }
  // No answer: our POST may or may not have landed, so the live state decides.
  if (live.kind === "live") return outcome(answer, "restored", live.policy, null);
  if (live.kind === "absent" && live.inDeletedItems === false) return outcome(answer, "purged", null, answer.error);
  return outcome(answer, "unknown", null, answer.error);
}
