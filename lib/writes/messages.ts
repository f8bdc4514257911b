/**
 * The one place for words: every write's words, and every toast and notice the
 * write engine shows. A write's entry here names it (WriteKind).
 */
import type { OutcomeKind, WriteOutcome } from "./outcome";

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

/** Who or what a toast speaks of; `on` and `setting` for writes that switch a setting. */
export interface ToastSubject {
  name: string;
  on?: boolean;
  setting?: string;
}

const turned = (on: boolean | undefined) => (on === false ? "Turned off" : "Turned on");

interface WriteWords {
  /** The success toast's title. */
  title: (subject: ToastSubject) => string;
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

const WORDS = {
  "restore-sync-policy": {
    title: ({ name }) => `Restored the sync policy of ${name}`,
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
    title: ({ name }) => `Sync set up for ${name}`,
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
    title: ({ name, on, setting }) => `${turned(on)} ${setting ?? "the setting"} for ${name}`,
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
    title: ({ name }) => `Deleted the sync policy of ${name}`,
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
    title: ({ name }) => `Purged the sync policy of ${name}`,
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
    title: ({ name }) => `Added ${name} as a partner`,
    past: "added",
    done: "Added",
    alreadyDone: "Already a partner",
    alreadyDoneDetail: "This organization is already a partner.",
    subject: "partner",
    stillThere: "the organization is not a partner yet",
    conflict: "This organization is already a partner: it has a cross-tenant access configuration.",
    notFound: "The organization could not be found.",
  },
  "set-inbound-redemption": {
    title: ({ name, on }) => `${turned(on)} inbound automatic redemption for ${name}`,
    past: "changed",
    done: "Saved",
    alreadyDone: "Already set",
    alreadyDoneDetail: "The setting already had this value.",
    subject: "partner configuration",
    stillThere: "the setting still has its old value",
    conflict: "Graph refused the change because of a conflicting state.",
    notFound: "The partner configuration no longer exists.",
  },
  "set-outbound-redemption": {
    title: ({ name, on }) => `${turned(on)} outbound automatic redemption for ${name}`,
    past: "changed",
    done: "Saved",
    alreadyDone: "Already set",
    alreadyDoneDetail: "Outbound automatic redemption already had this value.",
    subject: "partner configuration",
    stillThere: "outbound automatic redemption still has its old value",
    conflict: "Graph refused the change because of a conflicting state.",
    notFound: "The partner configuration no longer exists: someone deleted it. Refresh to see what exists now.",
  },
  "delete-partner": {
    title: ({ name }) => `Deleted the partner ${name}`,
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
    title: ({ name }) => `Restored the partner ${name}`,
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
    title: ({ name }) => `Purged the partner ${name}`,
    past: "purged",
    done: "Purged",
    alreadyDone: "Already gone",
    alreadyDoneDetail: "It was no longer in deleted items: someone restored or purged it before you.",
    subject: "deleted partner",
    stillThere: "the partner is still in deleted items",
    conflict: "Graph refused to purge it because of a conflicting state.",
    notFound: "It is no longer in deleted items.",
  },
  "put-back-snapshot": {
    title: ({ name }) => `Put ${name} back as the snapshot has it`,
    past: "put back",
    done: "Put back",
    alreadyDone: "Already as in the snapshot",
    alreadyDoneDetail: "Graph already holds this as the snapshot has it: nothing was sent.",
    subject: "partner",
    stillThere: "the partner still differs from the snapshot",
    conflict: "Graph refused because of a conflicting state.",
    notFound: "What this row puts back no longer exists.",
  },
} satisfies Record<string, WriteWords>;

/** Every write the engine runs, named by its words. */
export type WriteKind = keyof typeof WORDS;

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
    case "set-inbound-redemption":
      return "Users invited from this tenant are no longer asked to accept a consent prompt. Outbound automatic redemption was kept as it was.";
    case "set-outbound-redemption":
      return "Outbound automatic redemption has the new value. Inbound automatic redemption was kept as it was.";
    case "delete-partner":
      return "The partner configuration is in deleted items for 30 days.";
    case "restore-partner":
      return "The partner configuration is back.";
    case "put-back-snapshot":
      return "It is as the snapshot has it.";
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
  const words: WriteWords = WORDS[outcome.write];
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

/** The toast for one write's outcome: its title, tone and detail, all from the words above. */
export interface WriteToast {
  tone: OutcomeTone;
  title: string;
  description: string;
}

export function describeWriteToast(outcome: WriteOutcome, subject: ToastSubject, context: OutcomeContext = {}): WriteToast {
  const message = describeWriteOutcome(outcome, context);
  if (message.tone === "success") return { tone: "success", title: WORDS[outcome.write].title(subject), description: message.detail };
  return { tone: message.tone, title: `${subject.name}: ${message.label.toLowerCase()}`, description: message.detail };
}

/** Said when a call fails as a whole: "Nothing was restored." */
export function nothingDone(write: WriteKind): string {
  return `Nothing was ${WORDS[write].past}.`;
}

/** The words of the automatic resend after Graph throttled, shared by the toast and the results panel. */
export function retryCountdownText(seconds: number, round: number, rounds: number): string {
  return `Retrying automatically in ${seconds} s (round ${round + 1} of ${rounds})`;
}

/** Notices the write engine shows besides outcomes. */
export const WRITE_NOTICES = {
  throttledTitle: "Microsoft Graph is throttling requests",
  throttledDetail: (countdown: string) => `Nothing was changed yet. ${countdown}. Close to cancel.`,
  throttledPanel: (countdown: string) => `Graph is throttling: ${countdown.toLowerCase()}`,
  answerLostTitle: "Outcome unknown",
  answerLostDetail: "The answer from the server was lost. The views were re-read from Microsoft Graph: check what they show before trying again.",
  sessionRenewing: "Your session expired; signing you in again.",
  sessionExpiredTitle: "Your session expired and could not be renewed",
  sessionExpiredDetail: (nothing: string) => `${nothing} Sign in again, then retry.`,
  signIn: "Sign in",
  failedDetail: (nothing: string, message: string, requestId: string | null) => `${nothing} ${message}${requestId ? ` Request ID: ${requestId}` : ""}`,
  rereadFailed: "Microsoft Graph could not be re-read, so nothing was resent. Try again in a moment.",
  nothingToResend: "Nothing to resend: a re-read shows none of those rows still waiting.",
  undo: "Undo",
  openPartner: "Open partner",
  deletedPartners: "Deleted partners",
} as const;
