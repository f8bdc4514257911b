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

/** Plain words for what a restore ended as; every error keeps Graph's request-id for support. */
export function describeRestoreOutcome(outcome: RestoreOutcome): OutcomeMessage {
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
    case "conflict":
      return { tone, label: "Live policy exists", detail: "This partner already has a live sync policy, so the deleted copy cannot be restored over it." };
    case "forbidden":
      return {
        tone,
        label: "Not permitted",
        detail: `Graph refused: restoring needs the Security Administrator or Global Administrator role and the Policy.ReadWrite.CrossTenantAccess permission.${requestId}`,
      };
    case "unauthorized":
      return { tone, label: "Session expired", detail: "Your sign-in expired before Graph accepted the request. Sign in again, then retry." };
    case "throttled": {
      const wait = outcome.error?.retryAfterSeconds;
      return { tone, label: "Throttled", detail: `Microsoft Graph is throttling requests${wait ? ` and asked to wait ${wait} s` : ""}. Nothing was restored; retry shortly.${requestId}` };
    }
    case "unknown":
      return { tone, label: "Outcome unknown", detail: `No answer came back, and the policy is still in deleted items. It is safe to retry.${requestId}` };
    case "failed":
      return { tone, label: "Failed", detail: `${outcome.error?.message ?? "Graph returned an error."}${requestId}` };
  }
}
