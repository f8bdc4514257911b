import { describe, expect, it } from "vitest";
import type { WriteOutcome } from "./outcome";
import { asClause, describeWriteOutcome, describeWriteToast, finishRestLabel, lostContactSummary, nothingDone, retryCountdownText, sendingMessage, UNREACHABLE } from "./messages";

const base: WriteOutcome = { write: "restore-sync-policy", tenantId: "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", kind: "done", policy: null, error: null, attempts: 1 };
const error = { status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requestId: "req-1", retryAfterSeconds: null };

describe("describeWriteOutcome", () => {
  it("never promises settings Graph did not return", () => {
    expect(describeWriteOutcome(base).detail).toMatch(/without inbound user sync settings/);
    const allowed = { ...base, policy: { tenantId: base.tenantId, displayName: null, userSyncAllowed: true, groupSyncAllowed: null, externalCloudAuthorizedApplicationId: null, deletedDateTime: null } };
    expect(describeWriteOutcome(allowed).detail).toMatch(/allowed/);
  });

  it("a throttled row says it is sent again automatically only while a resend is counted down", () => {
    const throttled = { ...base, kind: "throttled" as const, error: { ...error, status: 429, code: "TooManyRequests", retryAfterSeconds: 12 } };
    expect(describeWriteOutcome(throttled, { resendScheduled: true }).detail).toMatch(/sent again automatically when the countdown ends/);
    expect(describeWriteOutcome(throttled, { resendScheduled: true }).detail).not.toMatch(/retry shortly/);
    expect(describeWriteOutcome(throttled).detail).toMatch(/retry shortly/);
  });

  it("a row on its way is pending, named by what was sent, and claims nothing done", () => {
    expect(sendingMessage("restore-sync-policy")).toEqual({ tone: "pending", label: "Restore sent", detail: "Not confirmed by Microsoft Graph yet." });
  });

  it("reports a restore someone else did as information, not an error", () => {
    expect(describeWriteOutcome({ ...base, kind: "already-done" })).toMatchObject({ tone: "info", label: "Already restored" });
  });

  it("keeps the request-id on errors and says which permission is missing on 403", () => {
    const missingScope = describeWriteOutcome({ ...base, kind: "forbidden", error }, { writeBlockedReason: "Restoring needs the delegated permission Policy.ReadWrite.CrossTenantAccess." });
    expect(missingScope.tone).toBe("error");
    expect(missingScope.detail).toMatch(/needs the delegated permission Policy\.ReadWrite\.CrossTenantAccess/);
    expect(missingScope.detail).toMatch(/Request ID: req-1/);
    // The token looked fine, yet Graph refused: say what usually causes that.
    // The sign-in showed a writing role, yet Graph refused: say what usually causes that.
    expect(describeWriteOutcome({ ...base, kind: "forbidden", error }, { roleConfirmed: true }).detail).toMatch(/role may have expired/);
    // No hint either way: never claim the sign-in showed a role.
    const unknown = describeWriteOutcome({ ...base, kind: "forbidden", error }).detail;
    expect(unknown).not.toMatch(/your sign-in shows/);
    expect(unknown).toMatch(/needs the Security Administrator or Global Administrator role/);
  });

  it("says what to do when the partner configuration is gone", () => {
    const message = describeWriteOutcome({ ...base, kind: "partner-missing", retrySafe: true, error: { ...error, status: 404, code: "Request_ResourceNotFound" } });
    expect(message).toMatchObject({ tone: "warning", label: "Partner configuration missing" });
    expect(message.detail).toMatch(/partner's cross-tenant access configuration no longer exists/);
    expect(message.detail).toMatch(/Restore the partner configuration \(or recreate it\) first, then restore this policy/);
    expect(message.detail).toMatch(/Request ID: req-1/);
  });

  it("promises a safe retry of an unknown outcome only when the policy is known to be still in deleted items", () => {
    const unknown: WriteOutcome = { ...base, kind: "unknown", error: { ...error, status: 0, code: "NetworkError", requestId: null } };
    expect(describeWriteOutcome({ ...unknown, retrySafe: true })).toMatchObject({
      tone: "warning",
      label: "Not restored",
      detail: "Microsoft Graph did not answer, and a re-read shows the policy is still in deleted items: it is safe to retry.",
    });
    // The title agrees with the body: a re-read that found the old state is not "unknown".
    expect(describeWriteToast({ ...unknown, write: "update-sync-policy", retrySafe: true }, { name: "Fabrikam" })).toMatchObject({
      title: "Fabrikam: not changed",
      description: expect.stringContaining("the setting still has its old value"),
    });
    expect(describeWriteToast({ ...unknown, retrySafe: null }, { name: "Fabrikam" }).title).toBe("Fabrikam: outcome unknown");
    for (const retrySafe of [false, null, undefined]) {
      const detail = describeWriteOutcome({ ...unknown, retrySafe }).detail;
      expect(detail).toBe("Microsoft Graph did not answer and the current state could not be read. Refresh the list before retrying.");
      expect(detail).not.toMatch(/safe to retry/);
    }
  });

  it("quotes the wait Graph asked for when throttled", () => {
    const message = describeWriteOutcome({ ...base, kind: "throttled", error: { ...error, status: 429, code: "TooManyRequests", retryAfterSeconds: 7 } });
    expect(message.detail).toMatch(/wait 7 s/);
  });
});

describe("describeWriteOutcome for every write", () => {
  const outcome = (write: WriteOutcome["write"], kind: WriteOutcome["kind"], extra: Partial<WriteOutcome> = {}): WriteOutcome => ({ ...base, write, kind, ...extra });

  it("says what stays when sync is turned off or a policy deleted", () => {
    expect(describeWriteOutcome(outcome("update-sync-policy", "done")).detail).toMatch(/Users already synchronized stay/);
    expect(describeWriteOutcome(outcome("delete-sync-policy", "done"))).toMatchObject({ tone: "success", label: "Deleted", detail: expect.stringMatching(/30 days/) });
  });

  it("a 409 on set up reads as 'already exists', a partner with a policy as 'delete the policy first'", () => {
    expect(describeWriteOutcome(outcome("create-sync-policy", "conflict"))).toMatchObject({ label: "Already exists", tone: "warning" });
    expect(describeWriteOutcome(outcome("delete-partner", "conflict")).detail).toMatch(/delete the sync policy first/);
  });

  it("throttling names what was not done; an unknown outcome promises a safe retry only after a re-read", () => {
    const throttled = outcome("purge-sync-policy", "throttled", { error: { ...error, status: 429, retryAfterSeconds: 30 } });
    expect(describeWriteOutcome(throttled).detail).toMatch(/wait 30 s\. Nothing was purged yet; retry shortly/);
    // While the countdown runs, the row says what the header says: it is resent automatically.
    expect(describeWriteOutcome(throttled, { resendScheduled: true }).detail).toMatch(/Nothing was purged yet; it is sent again automatically/);
    expect(describeWriteOutcome(throttled, { resendScheduled: true }).detail).not.toMatch(/retry shortly/);
    expect(describeWriteOutcome(outcome("delete-sync-policy", "unknown", { retrySafe: true })).detail).toMatch(/the sync policy is still live: it is safe to retry/);
    expect(describeWriteOutcome(outcome("purge-sync-policy", "already-done"))).toMatchObject({ tone: "info", label: "Already gone" });
  });
});

describe("the toasts every write shows", () => {
  it("names what was done on success, and the row and its outcome otherwise", () => {
    expect(describeWriteToast(base, { name: "Lucerne Publishing" })).toMatchObject({ tone: "success", title: "Restored the sync policy of Lucerne Publishing" });
    expect(describeWriteToast({ ...base, write: "set-outbound-redemption" }, { name: "Fabrikam", on: false })).toMatchObject({ title: "Turned off outbound automatic redemption for Fabrikam" });
    expect(describeWriteToast({ ...base, write: "update-sync-policy" }, { name: "Fabrikam", on: true, setting: "inbound group sync" }).title).toBe("Turned on inbound group sync for Fabrikam");
    expect(describeWriteToast({ ...base, kind: "forbidden", error }, { name: "Lucerne Publishing" })).toMatchObject({ tone: "error", title: "Lucerne Publishing: not permitted" });
    expect(describeWriteToast({ ...base, write: "create-sync-policy", kind: "conflict", error: null }, { name: "Wide World Importers" }).title).toBe("Wide World Importers: already exists");
  });

  it("never promises that users will sync when set up left inbound automatic redemption off", () => {
    const created: WriteOutcome = { ...base, write: "create-sync-policy" };
    expect(describeWriteToast(created, { name: "Woodgrove Bank", redemptionOff: true }).description).toMatch(/inbound automatic redemption is off .*no user is synchronized until it is turned on/);
    expect(describeWriteToast(created, { name: "Woodgrove Bank" }).description).toMatch(/Users from this tenant are synchronized once/);
  });

  it("says what was not done when a call fails as a whole, and counts the resend rounds", () => {
    expect(nothingDone("purge-partner")).toBe("Nothing was purged.");
    expect(nothingDone("create-sync-policy")).toBe("Nothing was created.");
    expect(retryCountdownText(4, 1, 3)).toBe("Retrying automatically in 4 s (round 2 of 3)");
  });
});

describe("a write whose answer the dashboard's server lost", () => {
  const serverLost = { status: 0, code: "ServerUnreachable", message: "The dashboard's server could not be reached.", requestId: null, retryAfterSeconds: null };

  it("says checking, in words, while Graph is read, and blames the dashboard's server, not Graph", () => {
    const message = describeWriteOutcome({ ...base, kind: "checking", error: serverLost, answerLost: true });
    expect(message).toMatchObject({ tone: "pending", label: "Checking…" });
    expect(message.detail).toMatch(/^The dashboard's server could not be reached/);
    expect(message.detail).not.toMatch(/Microsoft Graph could not be reached/);
  });

  it("once Graph answered, says which rows did not go through and that sending them again is safe", () => {
    const notYet = describeWriteOutcome({ ...base, kind: "unknown", retrySafe: true, error: serverLost, answerLost: true });
    expect(notYet.label).toBe("Not restored yet");
    expect(notYet.detail).toMatch(/dashboard's server could not be reached before it answered; Microsoft Graph shows that the policy is still in deleted items/);
    expect(describeWriteOutcome({ ...base, kind: "unknown", retrySafe: null, error: serverLost }).detail).toMatch(/^The dashboard's server could not be reached and the current state could not be read/);
  });

  it("counts from Graph in the results panel, and a finish button with the exact count", () => {
    expect(lostContactSummary("restore-sync-policy", { done: 320, notYet: 286, checking: 0 })).toBe(
      "The dashboard lost contact with its server during the restore: 320 restored, 286 not yet.",
    );
    expect(lostContactSummary("purge-sync-policy", { done: 3, notYet: 1, checking: 5 })).toBe("The dashboard lost contact with its server during the purge: 3 purged, 1 not yet, 5 checking…");
    expect(lostContactSummary("restore-sync-policy", { done: 0, notYet: 0, checking: 606 })).toMatch(/during the restore\. Checking with Microsoft Graph which of the 606 went through…/);
    expect(finishRestLabel("restore-sync-policy", 286)).toBe("Restore the 286 that did not go through");
    expect(finishRestLabel("purge-sync-policy", 4)).toBe("Purge the 4 that did not go through");
  });

  it("keeps Microsoft's capital inside a sentence", () => {
    expect(`The audit log could not be read: ${asClause(UNREACHABLE.graph)}`).toBe("The audit log could not be read: Microsoft Graph could not be reached");
    expect(`The audit log could not be read: ${asClause(UNREACHABLE.server)}`).toBe("The audit log could not be read: the dashboard's server could not be reached");
  });
});
