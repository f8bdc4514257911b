/**
 * The one place for words: every toast and notice the write engine shows, built from each write's
 * own words in words.ts.
 */
import { SERVER_UNREACHABLE, type AppError } from "@/lib/core/result";
import type { OutcomeKind, WriteOutcome } from "./outcome";
import { WORDS, type ToastSubject, type WriteKind, type WriteWords } from "./words";

/** `pending`: not known yet, a read of Graph is on its way. */
export type OutcomeTone = "success" | "info" | "warning" | "error" | "pending";

/** What a row or control says while a read of Graph tells whether its write went through. */
const CHECKING = "Checking…";

/** Which side could not be reached: the dashboard's own server, or Microsoft Graph behind it. */
export const UNREACHABLE = {
  server: "The dashboard's server could not be reached",
  graph: "Microsoft Graph could not be reached",
} as const;

/** The browser never got the server's answer (as opposed to the server never getting Graph's). */
export function isServerUnreachable(error: Pick<AppError, "code"> | null | undefined): boolean {
  return error?.code === SERVER_UNREACHABLE;
}

/** A title continuing a sentence ("… could not be read: the dashboard's server could not be reached"); Microsoft keeps its capital. */
export function asClause(title: string): string {
  return title.startsWith("Microsoft") ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

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
  checking: "pending",
};


function describeDone(outcome: WriteOutcome, subject?: ToastSubject): string {
  switch (outcome.write) {
    case "restore-sync-policy": {
      // Never promise settings Graph did not return.
      const allowed = outcome.policy?.userSyncAllowed;
      if (allowed === true) return "Graph returned it with inbound user sync allowed.";
      if (allowed === false) return "Graph returned it with inbound user sync blocked.";
      return "Graph returned it without inbound user sync settings: review them on the partner page.";
    }
    case "create-sync-policy":
      return subject?.redemptionOff
        ? "The sync policy exists now, but inbound automatic redemption is off for this partner: no user is synchronized until it is turned on."
        : "The sync policy exists now. Users from this tenant are synchronized once a configuration in the partner's tenant pushes them.";
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
      return subject?.on === false
        ? "Users invited from this tenant are asked to accept a consent prompt again, so cross-tenant sync cannot bring them in. Outbound automatic redemption was kept as it was."
        : "Users invited from this tenant are no longer asked to accept a consent prompt. Outbound automatic redemption was kept as it was.";
    case "set-outbound-redemption":
      return "Outbound automatic redemption has the new value. Inbound automatic redemption was kept as it was.";
    case "delete-partner":
      return "The partner configuration is in deleted items for 30 days.";
    case "restore-partner":
      return "The partner configuration is back.";
    case "start-sync-job":
      return "The job runs a cycle now and every 40 minutes after it.";
    case "pause-sync-job":
      return "No cycle runs until the job is started again. Users already in the target stay there.";
    case "restart-sync-job":
      return "The job runs a cycle now with what you chose; the page shows its result once the cycle is done.";
    case "test-sync-connection":
      return "Both tenants allow this sync: automatic redemption is on both ways and the partner allows sync into its tenant.";
    case "provision-on-demand": {
      const result = outcome.detail?.provisioning?.result;
      return result ? `The service answered: ${result.toLowerCase()}. Each step is shown below.` : "Each step is shown below.";
    }
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
  /** A throttled item is already counted down to an automatic resend. */
  resendScheduled?: boolean;
}

/** A conflict that has a plainer name for the write it stopped. */
const CONFLICT_LABELS: Partial<Record<WriteKind, string>> = {
  "restore-sync-policy": "Live policy exists",
  "create-sync-policy": "Already exists",
  "add-partner": "Already a partner",
};

export function describeWriteOutcome(outcome: WriteOutcome, context: OutcomeContext = {}, subject?: ToastSubject): OutcomeMessage {
  const words: WriteWords = WORDS[outcome.write];
  const requestId = outcome.error?.requestId ? ` Request ID: ${outcome.error.requestId}.` : "";
  const tone = TONES[outcome.kind];
  switch (outcome.kind) {
    case "done":
      return { tone, label: words.done, detail: describeDone(outcome, subject) };
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
      return { tone, label: CONFLICT_LABELS[outcome.write] ?? "Conflict", detail: `${words.conflict}${requestId}` };
    case "not-found":
      return { tone, label: "Not found", detail: `${words.notFound}${requestId}` };
    case "forbidden":
      return {
        tone,
        label: "Not permitted",
        detail: words.needs
          ? `Graph refused: this needs ${words.needs}. If you activated a role in PIM, sign in again; otherwise ask a Privileged Role Administrator.${requestId}`
          : context.writeBlockedReason
          ? `Graph refused. ${context.writeBlockedReason}${requestId}`
          : context.roleConfirmed
            ? `Graph refused although your sign-in shows the Security Administrator (or Global Administrator) role: the role may have expired (for example a PIM activation) or the Policy.ReadWrite.CrossTenantAccess permission lacks admin consent. Sign in again; if it persists, ask a Privileged Role Administrator.${requestId}`
            : `Graph refused: this change needs the Security Administrator or Global Administrator role and the Policy.ReadWrite.CrossTenantAccess permission. If you activated a role in PIM, sign in again; otherwise ask a Privileged Role Administrator.${requestId}`,
      };
    case "unauthorized":
      return { tone, label: "Session expired", detail: "Your sign-in expired before Graph accepted the request. Sign in again, then retry." };
    case "throttled": {
      const wait = outcome.error?.retryAfterSeconds;
      const next = context.resendScheduled ? "it is sent again automatically when the countdown ends" : "retry shortly";
      return { tone, label: "Throttled", detail: `Microsoft Graph is throttling requests${wait ? ` and asked to wait ${wait} s` : ""}. Nothing was ${words.past} yet; ${next}.${requestId}` };
    }
    case "unknown":
      if (outcome.answerLost && outcome.retrySafe === true) {
        return { tone, label: `Not ${words.past} yet`, detail: `${UNREACHABLE.server} before it answered; Microsoft Graph shows that ${words.stillThere}, so it is safe to send again.` };
      }
      // A re-read that proved nothing was done makes the outcome known: not done, safe to retry.
      if (outcome.retrySafe === true) {
        return { tone, label: `Not ${words.past}`, detail: `Microsoft Graph did not answer, and a re-read shows ${words.stillThere}: it is safe to retry.${requestId}` };
      }
      return {
        tone,
        label: "Outcome unknown",
        detail: `${isServerUnreachable(outcome.error) ? UNREACHABLE.server : "Microsoft Graph did not answer"} and the current state could not be read. Refresh the list before retrying.${requestId}`,
      };
    case "checking":
      return { tone, label: CHECKING, detail: `${UNREACHABLE.server} before it answered, so whether it was ${words.past} is not known yet. Reading Microsoft Graph to find out; this updates by itself.` };
    case "failed":
      return { tone, label: "Failed", detail: `${outcome.error?.message ?? "Graph returned an error."}${requestId}` };
  }
}

/** A row a run is sending now, until Graph answers: in its list and in the results panel ("Restore sent. Not confirmed by Microsoft Graph yet."). */
export function sendingMessage(write: WriteKind): OutcomeMessage {
  return { tone: "pending", label: `${WORDS[write].verb} sent`, detail: "Not confirmed by Microsoft Graph yet." };
}

/** The toast for one write's outcome: its title, tone and detail, all from the words above. */
export interface WriteToast {
  tone: OutcomeTone;
  title: string;
  description: string;
}

export function describeWriteToast(outcome: WriteOutcome, subject: ToastSubject, context: OutcomeContext = {}): WriteToast {
  const message = describeWriteOutcome(outcome, context, subject);
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

/** How many rows of a run whose answer was lost Graph shows done, not done, and still being read. */
export interface LostContactCounts {
  done: number;
  notYet: number;
  checking: number;
}

/** The results panel's line when the dashboard's server died during a write over rows; the counts come from reads of Graph. */
export function lostContactSummary(write: WriteKind, { done, notYet, checking }: LostContactCounts): string {
  const words = WORDS[write];
  const lost = `The dashboard lost contact with its server during the ${words.noun}`;
  if (done + notYet === 0) return `${lost}. Checking with Microsoft Graph which of the ${checking} went through…`;
  return `${lost}: ${done} ${words.past}, ${notYet} not yet${checking > 0 ? `, ${checking} checking…` : "."}`;
}

/** The button that sends again only the rows Graph shows not done after a lost answer. */
export function finishRestLabel(write: WriteKind, count: number): string {
  return `${WORDS[write].verb} the ${count} that did not go through`;
}

/** Notices the write engine shows besides outcomes. */
export const WRITE_NOTICES = {
  throttledTitle: "Microsoft Graph is throttling requests",
  throttledDetail: (countdown: string) => `Nothing was changed yet. ${countdown}. Close to cancel.`,
  throttledPanel: (countdown: string) => `Graph is throttling: ${countdown.toLowerCase()}`,
  /** Beside a value a write changes, until Graph answers. */
  pendingSaving: "Saving: not confirmed by Microsoft Graph yet",
  pendingThrottled: (countdown: string) => `Not changed yet: Microsoft Graph is throttling. ${countdown}.`,
  answerLostTitle: UNREACHABLE.server,
  answerLostDetail: "Its answer was lost, so whether the change went through is not known from it. The views were re-read from Microsoft Graph: check what they show before trying again.",
  checking: CHECKING,
  /** A control's name while its write is checked: "Checking inbound user sync…". */
  checkingNamed: (what: string) => `Checking ${what}…`,
  checkingPanel: "The page keeps reading Microsoft Graph until it answers, at once when the connection or the tab comes back; nothing is sent again meanwhile.",
  sessionRenewing: "Your session expired; signing you in again.",
  sessionExpiredTitle: "Your session expired and could not be renewed",
  sessionExpiredDetail: (nothing: string) => `${nothing} Sign in again, then retry.`,
  signIn: "Sign in",
  failedDetail: (nothing: string, message: string, requestId: string | null) => `${nothing} ${message}${requestId ? ` Request ID: ${requestId}` : ""}`,
  rereadFailed: (serverSide: boolean) => `${serverSide ? UNREACHABLE.server : "Microsoft Graph could not be re-read"}, so nothing was resent. Try again in a moment.`,
  nothingToResend: "Nothing to resend: a re-read shows none of those rows still waiting.",
  undo: "Undo",
  openPartner: "Open partner",
  deletedPartners: "Deleted partners",
} as const;
