import type { OutcomeKind, WriteKind, WriteOutcome } from "./outcome";

export type OutcomeTone = "success" | "info" | "warning" | "error";

export interface OutcomeMessage {
  label: string;
  detail: string;
  tone: OutcomeTone;
}

const TONES: Record<OutcomeKind, OutcomeTone> = {
  done: "success",
  "already-done": "info",
  purged: "warning",
  "partner-missing": "warning",
  conflict: "warning",
  "not-found": "warning",
  forbidden: "error",
  unauthorized: "error",
  throttled: "warning",
  unknown: "warning",
  failed: "error",
};

interface WriteWords {
  /** What the write does, as the verb of "Nothing was …". */
  past: string;
  done: string;
  alreadyDone: string;
  alreadyDoneDetail: string;
  /** What is re-read to tell whether an unanswered write landed. */
  subject: string;
  /** The state that makes resending safe after a lost answer. */
  stillThere: string;
  conflict: string;
  notFound: string;
}

const WORDS: Record<WriteKind, WriteWords> = {
  "restore-sync-policy": {
    past: "restored",
    done: "Restored",
    alreadyDone: "Already restored",
    alreadyDoneDetail: "Someone restored this policy before you; it is live now.",
    subject: "policy",
    stillThere: "the policy is still in deleted items",
    conflict: "This partner already has a live sync policy, so the deleted copy cannot be restored over it.",
    notFound: "The policy is no longer in deleted items.",
  },
  "create-sync-policy": {
    past: "created",
    done: "Sync set up",
    alreadyDone: "Already set up",
    alreadyDoneDetail: "This partner already has a sync policy.",
    subject: "sync policy",
    stillThere: "no sync policy exists yet",
    conflict: "Someone else just created a sync policy for this partner: it already exists and is shown as it is now.",
    notFound: "The partner configuration no longer exists, so no sync policy can be created for it.",
  },
  "update-sync-policy": {
    past: "changed",
    done: "Saved",
    alreadyDone: "Already set",
    alreadyDoneDetail: "The setting already had this value.",
    subject: "sync policy",
    stillThere: "the setting still has its old value",
    conflict: "Graph refused the change because of a conflicting state.",
    notFound: "This partner no longer has a sync policy: someone deleted it. Refresh to see what exists now.",
  },
  "delete-sync-policy": {
    past: "deleted",
    done: "Deleted",
    alreadyDone: "Already deleted",
    alreadyDoneDetail: "Someone deleted this sync policy before you.",
    subject: "sync policy",
    stillThere: "the sync policy is still live",
    conflict: "Graph refused to delete the sync policy because of a conflicting state.",
    notFound: "There is no sync policy to delete.",
  },
  "purge-sync-policy": {
    past: "purged",
    done: "Purged",
    alreadyDone: "Already gone",
    alreadyDoneDetail: "It was no longer in deleted items: someone restored or purged it before you.",
    subject: "deleted policy",
    stillThere: "the policy is still in deleted items",
    conflict: "Graph refused to purge it because of a conflicting state.",
    notFound: "It is no longer in deleted items.",
  },
  "add-partner": {
    past: "added",
    done: "Added",
    alreadyDone: "Already a partner",
    alreadyDoneDetail: "This organization is already a partner.",
    subject: "partner",
    stillThere: "the organization is not a partner yet",
    conflict: "This organization is already a partner: it has a cross-tenant access configuration.",
    notFound: "The organization could not be found.",
  },
  "update-partner": {
    past: "changed",
    done: "Saved",
    alreadyDone: "Already set",
    alreadyDoneDetail: "The setting already had this value.",
    subject: "partner configuration",
    stillThere: "the setting still has its old value",
    conflict: "Graph refused the change because of a conflicting state.",
    notFound: "The partner configuration no longer exists.",
  },
  "delete-partner": {
    past: "deleted",
    done: "Deleted",
    alreadyDone: "Already deleted",
    alreadyDoneDetail: "Someone deleted this partner before you.",
    subject: "partner",
    stillThere: "the partner still exists",
    conflict: "This partner still has a sync policy: delete the sync policy first, then the partner.",
    notFound: "The partner no longer exists.",
  },
  "restore-partner": {
    past: "restored",
    done: "Restored",
    alreadyDone: "Already restored",
    alreadyDoneDetail: "Someone restored this partner before you.",
    subject: "partner",
    stillThere: "the partner is still in deleted items",
    conflict: "A live configuration for this partner already exists, so the deleted copy cannot be restored over it.",
    notFound: "The partner is no longer in deleted items: it was restored or purged.",
  },
  "purge-partner": {
    past: "purged",
    done: "Purged",
    alreadyDone: "Already gone",
    alreadyDoneDetail: "It was no longer in deleted items: someone restored or purged it before you.",
    subject: "deleted partner",
    stillThere: "the partner is still in deleted items",
    conflict: "Graph refused to purge it because of a conflicting state.",
    notFound: "It is no longer in deleted items.",
  },
};

function describeDone(outcome: WriteOutcome): string {
  switch (outcome.write) {
    case "restore-sync-policy": {
      // Never promise settings Graph did not return.
      const allowed = outcome.policy?.userSyncAllowed;
      if (allowed === true) return "Graph returned it with inbound user sync allowed.";
      if (allowed === false) return "Graph returned it with inbound user sync blocked.";
      return "Graph returned it without inbound user sync settings: review them on the partner page.";
    }
    case "create-sync-policy":
      return "The sync policy exists now. Users from this tenant are synchronized once a configuration in the partner's tenant pushes them.";
    case "update-sync-policy":
      return "The sync policy has the new setting. Users already synchronized stay in your tenant.";
    case "delete-sync-policy":
      return "The sync policy is in deleted items for 30 days. Users already synchronized stay in your tenant.";
    case "purge-sync-policy":
    case "purge-partner":
      return "It is gone for good.";
    case "add-partner":
      return "Every setting of the new partner is inherited from your default policy until you change it.";
    case "update-partner":
      return "The partner configuration has the new setting.";
    case "delete-partner":
      return "The partner configuration is in deleted items for 30 days.";
    case "restore-partner":
      return "The partner configuration is back.";
  }
}

/** Plain words for what a write ended as; every error keeps Graph's request-id for support. */
export interface OutcomeContext {
  /** Why the signed-in user cannot write (lib/auth/claims), when the hint knows. */
  writeBlockedReason?: string | null;
  /** The ID token shows a role that can write, so a refusal means the role or consent changed since. */
  roleConfirmed?: boolean;
}

export function describeWriteOutcome(outcome: WriteOutcome, context: OutcomeContext = {}): OutcomeMessage {
  const words = WORDS[outcome.write];
  const requestId = outcome.error?.requestId ? ` Request ID: ${outcome.error.requestId}.` : "";
  const tone = TONES[outcome.kind];
  switch (outcome.kind) {
    case "done":
      return { tone, label: words.done, detail: describeDone(outcome) };
    case "already-done":
      return { tone, label: words.alreadyDone, detail: words.alreadyDoneDetail };
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
      return { tone, label: outcome.write === "restore-sync-policy" ? "Live policy exists" : outcome.write === "create-sync-policy" ? "Already exists" : "Conflict", detail: `${words.conflict}${requestId}` };
    case "not-found":
      return { tone, label: "Not found", detail: `${words.notFound}${requestId}` };
    case "forbidden":
      return {
        tone,
        label: "Not permitted",
        detail: context.writeBlockedReason
          ? `Graph refused. ${context.writeBlockedReason}${requestId}`
          : context.roleConfirmed
            ? `Graph refused although your sign-in shows the Security Administrator (or Global Administrator) role: the role may have expired (for example a PIM activation) or the Policy.ReadWrite.CrossTenantAccess permission lacks admin consent. Sign in again; if it persists, ask a Privileged Role Administrator.${requestId}`
            : `Graph refused: this change needs the Security Administrator or Global Administrator role and the Policy.ReadWrite.CrossTenantAccess permission. If you activated a role in PIM, sign in again; otherwise ask a Privileged Role Administrator.${requestId}`,
      };
    case "unauthorized":
      return { tone, label: "Session expired", detail: "Your sign-in expired before Graph accepted the request. Sign in again, then retry." };
    case "throttled": {
      const wait = outcome.error?.retryAfterSeconds;
      return { tone, label: "Throttled", detail: `Microsoft Graph is throttling requests${wait ? ` and asked to wait ${wait} s` : ""}. Nothing was ${words.past}; retry shortly.${requestId}` };
    }
    case "unknown":
      // "Safe to retry" only when a re-read proved nothing was done.
      return {
        tone,
        label: "Outcome unknown",
        detail: `${outcome.retrySafe === true ? `No answer came back, and ${words.stillThere}: it is safe to retry.` : "No answer came back and the current state could not be read. Refresh the list before retrying."}${requestId}`,
      };
    case "failed":
      return { tone, label: "Failed", detail: `${outcome.error?.message ?? "Graph returned an error."}${requestId}` };
  }
}
