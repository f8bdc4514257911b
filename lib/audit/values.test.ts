import { describe, expect, it } from "vitest";
import { change } from "@/tests/audit-fixtures";
import { leafChanges, parseAuditValue, propertyLabel } from "./values";

describe("parseAuditValue", () => {
  it("reads plain JSON text", () => {
    expect(parseAuditValue('{"isSyncAllowed":true}')).toEqual({ isSyncAllowed: true });
    expect(parseAuditValue("false")).toBe(false);
  });

  it("unwraps JSON inside a one-item array inside a string, as Entra sometimes writes it", () => {
    expect(parseAuditValue(JSON.stringify([JSON.stringify({ isSyncAllowed: false })]))).toEqual({ isSyncAllowed: false });
    expect(parseAuditValue('["\\"Fabrikam\\""]')).toBe("Fabrikam");
  });

  it("keeps text that is not JSON, and reads empty as nothing", () => {
    expect(parseAuditValue("Fabrikam")).toBe("Fabrikam");
    expect(parseAuditValue("{broken")).toBe("{broken");
    expect(parseAuditValue("")).toBeNull();
    expect(parseAuditValue(null)).toBeNull();
  });
});

describe("leafChanges", () => {
  it("keeps only what differs, leaf by leaf", () => {
    const changes = leafChanges([change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: true }), change("displayName", "A", "B")]);
    expect(changes).toEqual([expect.objectContaining({ path: "displayName", label: "Name", from: "A", to: "B" })]);
  });

  it("shows a setting that appears or disappears as Not set on the other side", () => {
    expect(leafChanges([change("userSyncInbound", { isSyncAllowed: true }, null)])).toMatchObject([
      { path: "userSyncInbound.isSyncAllowed", from: "Allowed", to: "Not set" },
    ]);
  });

  it("labels partner settings in the admin center's words", () => {
    expect(propertyLabel("automaticUserConsentSettings.inboundAllowed")).toBe("Automatically redeem invitations (inbound)");
    expect(propertyLabel("tenantRestrictions.applications.accessType")).toBe("Tenant restrictions: applications, access");
    expect(propertyLabel("someNewSetting")).toBe("Some new setting");
  });
});

describe("leafChanges hides the key", () => {
  it("leaves out the tenant id Entra logs on delete", () => {
    expect(leafChanges([change("tenantId", "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", undefined)])).toEqual([]);
  });
});
