import { describe, expect, it } from "vitest";
import { AUTOMATION, FABRIKAM, makeAuditEntry } from "@/tests/audit-fixtures";
import { deletionWindow, matchDeletions } from "./deleted-by";

const DELETE = "Delete a partner cross-tenant identity sync setting";
const OTHER = "13579bdf-2468-4ace-9bdf-13579bdf2468";

describe("deletionWindow", () => {
  it("covers every row with a day on each side, in whole days", () => {
    expect(deletionWindow(["2026-11-20T10:00:00Z", "2026-11-05T23:00:00Z", ""])).toEqual({
      since: "2026-11-04T00:00:00.000Z",
      until: "2026-11-22T00:00:00.000Z",
    });
    expect(deletionWindow(["", "not a date"])).toBeNull();
  });
});

describe("matchDeletions", () => {
  it("picks the deletion of the same partner closest to deletedDateTime", () => {
    const earlier = makeAuditEntry(DELETE, { id: "earlier", activityDateTime: "2026-10-01T09:00:00Z" });
    const right = makeAuditEntry(DELETE, { id: "right", activityDateTime: "2026-11-20T10:00:01Z", actor: AUTOMATION });
    const otherPartner = makeAuditEntry(DELETE, { id: "other", partnerTenantId: OTHER, activityDateTime: "2026-11-20T10:00:00Z" });
    const notADeletion = makeAuditEntry("Update a partner cross-tenant identity sync setting", { id: "update", activityDateTime: "2026-11-20T10:00:00Z" });
    const matched = matchDeletions([{ tenantId: FABRIKAM.toUpperCase(), deletedDateTime: "2026-11-20T10:00:00Z" }], [earlier, otherPartner, notADeletion, right]);
    expect(matched.get(FABRIKAM)?.id).toBe("right");
  });

  it("leaves a row without a match when the log holds no deletion near it", () => {
    const old = makeAuditEntry(DELETE, { activityDateTime: "2026-10-01T09:00:00Z" });
    expect(matchDeletions([{ tenantId: FABRIKAM, deletedDateTime: "2026-11-20T10:00:00Z" }], [old]).size).toBe(0);
  });
});
