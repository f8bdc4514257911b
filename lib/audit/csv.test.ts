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

  it("trims and neutralises another tenant's app name in every cell it reaches", () => {
    const entry = makeAuditEntry("Update a partner cross-tenant identity sync setting", {
      actor: { kind: "app", appId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", displayName: "\r\n  =HYPERLINK(\"http://evil.example\")" },
      changes: [change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: false })],
    });
    const csv = toAuditCsv([{ entry, described: describeAuditEntry(entry, { partnerName: "\u0000@Fabrikam" }), partnerName: "\u0000@Fabrikam" }]);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(3);
    const cells = lines[1]!.slice(1, -1).split('","');
    expect(cells[1]).toBe(`'=HYPERLINK(""http://evil.example"") (app)`);
    expect(cells[4]).toMatch(/^'=HYPERLINK\(""http:\/\/evil\.example""\) \(app\) turned inbound user sync off/);
    expect(cells[5]).toBe("'@Fabrikam");
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\u0000\r\n]/);
  });
});

describe("toAuditCsv encoding", () => {
  it("starts with a UTF-8 BOM, so spreadsheets read the arrows and names it holds", () => {
    const entry = makeAuditEntry("Update a partner cross-tenant identity sync setting", { changes: [change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: false })] });
    const csv = toAuditCsv([{ entry, described: describeAuditEntry(entry, { partnerName: "Fabrikam" }), partnerName: "Fabrikam" }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("→");
  });
});
