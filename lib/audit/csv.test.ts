import { describe, expect, it } from "vitest";
import { change, makeAuditEntry } from "@/tests/audit-fixtures";
import { describeAuditEntry } from "./describe";
import { toAuditCsv } from "./csv";

describe("toAuditCsv", () => {
  it("writes one quoted line per change with who, what and old → new", () => {
    const entry = makeAuditEntry("Update a partner cross-tenant identity sync setting", {
      correlationId: "corr-1",
      changes: [change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: false })],
    });
    const csv = toAuditCsv([{ entry, described: describeAuditEntry(entry, { partnerName: "=Fabrikam" }), partnerName: "=Fabrikam" }]);
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toContain('"Changed by"');
    expect(line).toBe(
      [
        "2026-11-20T10:00:00Z",
        "Adele Admin",
        "admin@contoso.example",
        "Sync policy changed",
        "Adele Admin turned inbound user sync off for =Fabrikam",
        "'=Fabrikam",
        "9c5d131d-b1c3-4fc4-9e3f-c6557947d551",
        "Inbound user sync: Allowed → Blocked",
        "success",
        "Update a partner cross-tenant identity sync setting",
        "corr-1",
      ]
        .map((value) => `"${value}"`)
        .join(","),
    );
  });
});
