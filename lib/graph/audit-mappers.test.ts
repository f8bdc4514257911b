import { describe, expect, it } from "vitest";
import { toAuditEntry } from "./audit-mappers";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const POLICY_OBJECT = "11111111-2222-4333-8444-555555555555";

describe("toAuditEntry", () => {
  it("reads an app as the actor when no user is set", () => {
    const entry = toAuditEntry({ id: "x", initiatedBy: { user: null, app: { appId: "app-1", displayName: "Sync automation" } } });
    expect(entry.actor).toEqual({ kind: "app", appId: "app-1", displayName: "Sync automation" });
  });

  it("survives an entry with nothing but an id", () => {
    expect(toAuditEntry({ id: "x" })).toMatchObject({ id: "x", activity: "", activityDateTime: "", actor: { kind: "unknown" }, partnerTenantId: null, targets: [] });
  });

  it("finds the partner in the target id, with the name Entra logged", () => {
    expect(toAuditEntry({ id: "x", targetResources: [{ id: FABRIKAM.toUpperCase(), type: "Policy", displayName: "Fabrikam" }] })).toMatchObject({
      partnerTenantId: FABRIKAM,
      partnerName: "Fabrikam",
    });
  });

  it("prefers a tenantId inside the modified properties over a policy object id", () => {
    const entry = toAuditEntry({
      id: "x",
      targetResources: [
        { id: POLICY_OBJECT, type: "Policy", modifiedProperties: [{ displayName: "PartnerTenantId", oldValue: null, newValue: `["${FABRIKAM}"]` }] },
      ],
    });
    expect(entry.partnerTenantId).toBe(FABRIKAM);
    const nested = toAuditEntry({
      id: "y",
      targetResources: [{ id: POLICY_OBJECT, modifiedProperties: [{ displayName: "CrossTenantIdentitySyncPolicy", newValue: JSON.stringify({ tenantId: FABRIKAM }) }] }],
    });
    expect(nested.partnerTenantId).toBe(FABRIKAM);
  });

  it("never takes a user or app target for a partner", () => {
    expect(toAuditEntry({ id: "x", targetResources: [{ id: FABRIKAM, type: "User" }] }).partnerTenantId).toBeNull();
  });

  it("keeps the raw entry for the raw view", () => {
    const wire = { id: "x", additionalDetails: [{ key: "k", value: "v" }] };
    expect(toAuditEntry(wire).raw).toEqual(wire);
  });
});

describe("toAuditEntry for tenant-wide changes", () => {
  it("never names the home tenant of a default-policy change as a partner", () => {
    const entry = toAuditEntry({
      id: "x",
      category: "CrossTenantAccessSettings",
      activityDisplayName: "Update the company default cross-tenant access setting",
      targetResources: [{ id: FABRIKAM, type: "Policy" }],
    });
    expect(entry.partnerTenantId).toBeNull();
  });
});
