import { describe, expect, it } from "vitest";
import { SYNC_ERRORS_CSV_HEADER, toSyncErrorsCsv } from "./csv";
import { groupByErrorCode } from "./group";
import type { ProvisioningEvent } from "./types";

const base: ProvisioningEvent = {
  id: "e1",
  activityDateTime: "2026-12-01T10:00:00Z",
  action: "create",
  status: "failure",
  errorCode: "InvitationCreationFailureAmbiguousUser",
  reason: null,
  recommendedAction: null,
  userId: "u1",
  userName: "Megan Bowen",
  userPrincipalName: "megan.bowen@contoso.example",
  servicePrincipalId: "sp",
  servicePrincipalName: "Contoso to Litware",
  targetTenantId: null,
};

describe("toSyncErrorsCsv", () => {
  it("writes one line per user per code with the words of the page", () => {
    const csv = toSyncErrorsCsv(groupByErrorCode([base, { ...base, id: "e2", userId: "u2", userName: "Alex Wilber", userPrincipalName: "alex.wilber@contoso.example" }]), "Litware, Inc.");
    expect(csv.startsWith("\ufeff") && !csv.startsWith("\ufeff\ufeff")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(SYNC_ERRORS_CSV_HEADER.map((cell) => `"${cell}"`).join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"InvitationCreationFailureAmbiguousUser","The user clashes with a user of the target"');
    expect(lines[1]).toContain('"Fixed by this tenant and Litware, Inc. together","2"');
    expect(lines.slice(1).map((line) => line.split('","').at(-4))).toEqual(["Alex Wilber", "Megan Bowen"]);
  });

  it("keeps a hostile user name as text", () => {
    const csv = toSyncErrorsCsv(groupByErrorCode([{ ...base, userName: '=HYPERLINK("https://attacker.example","x")', userPrincipalName: "@SUM(1+1)" }]), null);
    expect(csv).toContain(`"'=HYPERLINK(""https://attacker.example"",""x"")","'@SUM(1+1)"`);
  });
});
