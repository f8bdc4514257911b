import { describe, expect, it } from "vitest";
import { auditScopes } from "./audit-consent";

describe("auditScopes", () => {
  it("asks for AuditLog.Read.All on the cloud's Graph resource", () => {
    expect(auditScopes({ graphScopes: ["https://graph.microsoft.com/Policy.Read.All"] })).toEqual(["https://graph.microsoft.com/AuditLog.Read.All"]);
    expect(auditScopes({ graphScopes: ["https://graph.microsoft.us/Policy.Read.All"] })).toEqual(["https://graph.microsoft.us/AuditLog.Read.All"]);
  });
});
