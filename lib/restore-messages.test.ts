import { describe, expect, it } from "vitest";
import type { RestoreOutcome } from "./restore-outcome";
import { describeRestoreOutcome } from "./restore-messages";

const base: RestoreOutcome = { tenantId: "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", kind: "restored", policy: null, error: null, attempts: 1 };
const error = { status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requestId: "req-1", retryAfterSeconds: null };

describe("describeRestoreOutcome", () => {
  it("never promises settings Graph did not return", () => {
    expect(describeRestoreOutcome(base).detail).toMatch(/without inbound user sync settings/);
    const allowed = { ...base, policy: { tenantId: base.tenantId, displayName: null, userSyncAllowed: true, groupSyncAllowed: null, externalCloudAuthorizedApplicationId: null, deletedDateTime: null } };
    expect(describeRestoreOutcome(allowed).detail).toMatch(/allowed/);
  });

  it("reports a restore someone else did as information, not an error", () => {
    expect(describeRestoreOutcome({ ...base, kind: "already-restored" })).toMatchObject({ tone: "info", label: "Already restored" });
  });

  it("keeps the request-id on errors and names what is missing on 403", () => {
    const message = describeRestoreOutcome({ ...base, kind: "forbidden", error });
    expect(message.tone).toBe("error");
    expect(message.detail).toMatch(/Security Administrator/);
    expect(message.detail).toMatch(/Request ID: req-1/);
  });

  it("quotes the wait Graph asked for when throttled", () => {
    const message = describeRestoreOutcome({ ...base, kind: "throttled", error: { ...error, status: 429, code: "TooManyRequests", retryAfterSeconds: 7 } });
    expect(message.detail).toMatch(/wait 7 s/);
  });
});
