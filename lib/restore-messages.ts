import type { RestoreOutcome, RestoreOutcomeKind } from "./restore-outcome";

export type OutcomeTone = "success" | "info" | "warning" | "error";

export interface OutcomeMessage {
  label: string;
  detail: string;
  tone: OutcomeTone;
}

const TONES: Record<RestoreOutcomeKind, OutcomeTone> = {
  restored: "success",
  "already-restored": "info",
  purged: "warning",
  "partner-missing": "warning",
  conflict: "warning",
  forbidden: "error",
  unauthorized: "error",
  throttled: "warning",
  unknown: "warning",
  failed: "error",
};

function describeReturnedPolicy(outcome: RestoreOutcome): string {
  const allowed = outcome.policy?.userSyncAllowed;
  if (allowed === true) return "Graph returned it with inbound user sync allowed.";
  if (allowed === false) return "Graph returned it with inbound user sync blocked.";
  return "Graph returned it without inbound user sync settings: review them on the partner page.";
}

// "Safe to retry" only when a re-read proved the policy is still waiting in deleted items.
function describeUnknown(outcome: RestoreOutcome): string {
  return outcome.stillInDeletedItems === true
    ? "No answer came back, and the policy is still in deleted items: it is safe to retry."
    : "No answer came back and the current state could not be read. Refresh the list before retrying.";
}

/** Plain words for what a restore ended as; every error keeps Graph's request-id for support. */
export interface OutcomeContext {
  /** Why the signed-in user cannot restore (lib/auth/claims), when the hint knows. */
  writeBlockedReason?: string | null;
  /** The ID token shows a role that can restore, so a refusal means the role or consent changed since. */
  roleConfirmed?: boolean;
}

export function describeRestoreOutcome(outcome: RestoreOutcome, context: OutcomeContext = {}): OutcomeMessage {
  const requestId = outcome.error?.requestId ? ` Request ID: ${outcome.error.requestId}.` : "";
  const tone = TONES[outcome.kind];
  switch (outcome.kind) {
    case "restored":
      return { tone, label: "Restored", detail: describeReturnedPolicy(outcome) };
    case "already-restored":
      return { tone, label: "Already restored", detail: "Someone restored this policy before you; it is live now." };
    case "purged":
      return {
        tone,
        label: "Purged",
        detail: "It is no longer in deleted items and has no live policy: it was purged and cannot be restored. Create a new sync policy instead.",
      };
    case "partner-missing":
      return {
        tone,
        label: "Partner configuration missing",
        detail: `The policy is still in deleted items, but the partner's cross-tenant access configuration no longer exists, so Graph cannot restore it. Restore the partner configuration (or recreate it) first, then restore this policy.${requestId}`,
      };
    case "conflict":
      return { tone, label: "Live policy exists", detail: "This partner already has a live sync policy, so the deleted copy cannot be restored over it." };
    case "forbidden":
      return {
        tone,
        label: "Not permitted",
        detail: context.writeBlockedReason
          ? `Graph refused. ${context.writeBlockedReason}${requestId}`
          : context.roleConfirmed
            ? `Graph refused although your sign-in shows the Security Administrator (or Global Administrator) role: the role may have expired (for example a PIM activation) or the Policy.ReadWrite.CrossTenantAccess permission lacks admin consent. Sign in again; if it persists, ask a Privileged Role Administrator.${requestId}`
            : `Graph refused: restoring needs the Security Administrator or Global Administrator role and the Policy.ReadWrite.CrossTenantAccess permission. If you activated a role in PIM, sign in again; otherwise ask a Privileged Role Administrator.${requestId}`,
      };
    case "unauthorized":
      return { tone, label: "Session expired", detail: "Your sign-in expired before Graph accepted the request. Sign in again, then retry." };
    case "throttled": {
      const wait = outcome.error?.retryAfterSeconds;
      return { tone, label: "Throttled", detail: `Microsoft Graph is throttling requests${wait ? ` and asked to wait ${wait} s` : ""}. Nothing was restored; retry shortly.${requestId}` };
    }
    case "unknown":
      return { tone, label: "Outcome unknown", detail: `${describeUnknown(outcome)}${requestId}` };
    case "failed":
      return { tone, label: "Failed", detail: `${outcome.error?.message ?? "Graph returned an error."}${requestId}` };
  }
}
