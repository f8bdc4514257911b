import { describe, expect, it } from "vitest";
import { AUTOMATION, change, makeAuditEntry } from "@/tests/audit-fixtures";
import { describeAuditEntry } from "./describe";

const sentence = (...args: Parameters<typeof makeAuditEntry>) => describeAuditEntry(makeAuditEntry(...args)).sentence;

describe("describeAuditEntry: sync policy activities", () => {
  it("create names the admin and the starting state", () => {
    const entry = makeAuditEntry("Create a partner cross-tenant identity sync setting", {
      changes: [change("userSyncInbound", null, { isSyncAllowed: true })],
    });
    expect(describeAuditEntry(entry).sentence).toBe("Adele Admin set up sync, inbound user sync on");
    expect(describeAuditEntry(entry, { partnerName: "Fabrikam" }).sentence).toBe("Adele Admin set up sync with Fabrikam, inbound user sync on");
  });

  it("update that blocks inbound user sync says it was turned off, with old → new values", () => {
    const described = describeAuditEntry(
      makeAuditEntry("Update a partner cross-tenant identity sync setting", {
        changes: [change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: false })],
      }),
    );
    expect(described.sentence).toBe("Adele Admin turned inbound user sync off");
    expect(described.changes).toMatchObject([{ label: "Inbound user sync", from: "Allowed", to: "Blocked" }]);
  });

  it("update that allows sync again says it was turned on", () => {
    expect(
      sentence("Update a partner cross-tenant identity sync setting", { changes: [change("userSyncInbound.isSyncAllowed", false, true)] }),
    ).toBe("Adele Admin turned inbound user sync on");
  });

  it("update of group sync and the name lists both", () => {
    expect(
      sentence("Update a partner cross-tenant identity sync setting", {
        changes: [change("groupSyncInbound", null, { isSyncAllowed: true }), change("displayName", "Fabrikam", "Fabrikam EU")],
      }),
    ).toBe("Adele Admin turned inbound group sync on and renamed the sync policy to “Fabrikam EU”");
  });

  it("update of other properties names them", () => {
    expect(
      sentence("Update a partner cross-tenant identity sync setting", { changes: [change("externalCloudAuthorizedApplicationId", null, "abc")] }),
    ).toBe("Adele Admin changed external cloud authorized application ID in the sync policy");
  });

  it("update without modified properties still says what was touched", () => {
    expect(describeAuditEntry(makeAuditEntry("Update a partner cross-tenant identity sync setting"), { partnerName: "Fabrikam" }).sentence).toBe(
      "Adele Admin changed the sync policy for Fabrikam",
    );
  });

  it("delete", () => {
    expect(sentence("Delete a partner cross-tenant identity sync setting")).toBe("Adele Admin deleted the sync policy");
  });

  it("restore, whatever the exact activity wording", () => {
    expect(sentence("Restore a partner cross-tenant identity sync setting")).toBe("Adele Admin restored the sync policy from deleted items");
    expect(sentence("Restore policy", { category: "CrossTenantIdentitySyncSettings" })).toBe("Adele Admin restored the sync policy from deleted items");
  });

  it("purge", () => {
    expect(sentence("Hard delete a partner cross-tenant identity sync setting")).toBe("Adele Admin permanently deleted (purged) the sync policy");
  });
});

describe("describeAuditEntry: partner and default activities", () => {
  it("add a partner", () => {
    expect(describeAuditEntry(makeAuditEntry("Add a partner to cross-tenant access setting"), { partnerName: "Fabrikam" }).sentence).toBe(
      "Adele Admin added Fabrikam as an organization",
    );
    expect(sentence("Add a partner to cross-tenant access setting")).toBe("Adele Admin added this organization");
  });

  it("update automatic redemption", () => {
    expect(
      sentence("Update a partner cross-tenant access setting", { changes: [change("automaticUserConsentSettings", { inboundAllowed: false }, { inboundAllowed: true })] }),
    ).toBe("Adele Admin turned on automatic redemption of invitations from this organization");
  });

  it("update B2B settings names the section and shows values", () => {
    const described = describeAuditEntry(
      makeAuditEntry("Update a partner cross-tenant access setting", {
        changes: [change("b2bCollaborationInbound", null, { usersAndGroups: { accessType: "blocked", targets: [{ target: "AllUsers", targetType: "user" }] } })],
      }),
      { partnerName: "Fabrikam" },
    );
    expect(described.sentence).toBe("Adele Admin changed the B2B collaboration inbound settings for Fabrikam");
    expect(described.changes).toMatchObject([
      { label: "B2B collaboration inbound: users and groups, access", from: "Not set", to: "Blocked" },
      { label: "B2B collaboration inbound: users and groups, targets", from: "Not set", to: "AllUsers" },
    ]);
  });

  it("update of several settings names their groups once each", () => {
    expect(
      sentence("Update a partner cross-tenant access setting", {
        changes: [change("automaticUserConsentSettings", null, { inboundAllowed: true, outboundAllowed: false }), change("isServiceProvider", null, true)],
      }),
    ).toBe("Adele Admin changed the automatic invitation redemption and service provider settings");
  });

  it("delete a partner", () => {
    expect(sentence("Delete partner specific cross-tenant access setting")).toBe("Adele Admin deleted this organization");
  });

  it("restore and purge a partner", () => {
    expect(sentence("Restore a partner cross-tenant access setting")).toBe("Adele Admin restored this organization from deleted items");
    expect(sentence("Hard delete partner specific cross-tenant access setting")).toBe("Adele Admin permanently deleted (purged) this organization");
  });

  it("default settings changed and reset", () => {
    expect(
      sentence("Update the company default cross-tenant access setting", {
        partnerTenantId: null,
        changes: [change("inboundTrust", { isMfaAccepted: false }, { isMfaAccepted: true })],
      }),
    ).toBe("Adele Admin changed the default cross-tenant access settings");
    expect(sentence("Reset the cross-tenant access default setting", { partnerTenantId: null })).toBe("Adele Admin reset the default cross-tenant access settings");
  });
});

describe("describeAuditEntry: actors and outcomes", () => {
  it("names an app as an app", () => {
    const described = describeAuditEntry(makeAuditEntry("Delete a partner cross-tenant identity sync setting", { actor: AUTOMATION }));
    expect(described.sentence).toBe("Sync automation (app) deleted the sync policy");
    expect(described.whoDetail).toBe(AUTOMATION.kind === "app" ? AUTOMATION.appId : null);
  });

  it("falls back to the sign-in name, then to someone", () => {
    expect(sentence("Delete a partner cross-tenant identity sync setting", { actor: { kind: "user", id: null, userPrincipalName: "x@contoso.example", displayName: null } })).toBe(
      "x@contoso.example deleted the sync policy",
    );
    expect(sentence("Delete a partner cross-tenant identity sync setting", { actor: { kind: "unknown" } })).toBe("Someone deleted the sync policy");
  });

  it("says when a change failed, and why", () => {
    const described = describeAuditEntry(
      makeAuditEntry("Update a partner cross-tenant identity sync setting", {
        result: "failure",
        resultReason: "Insufficient privileges",
        changes: [change("userSyncInbound", { isSyncAllowed: true }, { isSyncAllowed: false })],
      }),
    );
    expect(described.failed).toBe(true);
    expect(described.sentence).toBe("Adele Admin tried to turn inbound user sync off, which failed: Insufficient privileges");
  });

  it("quotes an activity it does not know", () => {
    expect(sentence("Frobnicate cross-tenant access thing", { category: "Other" })).toBe("Adele Admin did “Frobnicate cross-tenant access thing”");
  });
});
