import { describe, expect, it } from "vitest";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { CONTOSO_EAST, FABRIKAM, makeDeletedPartner, NORTHWIND, sampleReads, sampleSnapshot } from "@/tests/snapshot-fixtures";
import { compareSnapshots } from "./compare";
import { planPutBack, plannedCalls, sendableRows } from "./plan";

const reads = sampleReads();
const without = (...ids: string[]) => reads.partners.filter((p) => !ids.includes(p.tenantId));

async function planFor(after: Parameters<typeof sampleSnapshot>[0]) {
  const before = await sampleSnapshot();
  const differences = compareSnapshots(before, await sampleSnapshot(after));
  return planPutBack(before, differences);
}

describe("planPutBack", () => {
  it("sets a changed sync setting back with one PATCH", async () => {
    const rows = await planFor({ partners: [...without(NORTHWIND), makePartner(NORTHWIND, { syncPolicy: makeSyncPolicy(NORTHWIND, { displayName: "Northwind", userSyncAllowed: false }) })] });
    expect(rows).toMatchObject([{ tenantId: NORTHWIND, name: "Northwind Traders", change: { syncPolicy: "update", userSyncAllowed: true, partner: "keep" }, notes: [] }]);
    expect(rows[0]?.calls).toEqual([
      { write: "update-sync-policy", method: "PATCH", path: `/policies/crossTenantAccessPolicy/partners/${NORTHWIND}/identitySynchronization`, words: "Set inbound user sync allowed" },
    ]);
  });

  it("restores a deleted partner and then its deleted policy, rather than creating them again", async () => {
    const rows = await planFor({
      partners: without(FABRIKAM),
      deletedPartners: [...reads.deletedPartners, makeDeletedPartner(FABRIKAM)],
      deletedSyncPolicies: [...reads.deletedSyncPolicies, makeDeletedSyncPolicy(FABRIKAM, { displayName: "Fabrikam", userSyncAllowed: true })],
    });
    expect(rows[0]?.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /policies/deletedItems/crossTenantPartners/${FABRIKAM}/restore`,
      `POST /policies/deletedItems/crossTenantSyncPolicyPartners/${FABRIKAM}/restore`,
    ]);
  });

  it("creates a purged partner and its policy again, with its redemption settings, and says what it cannot set", async () => {
    const rows = await planFor({ partners: without(FABRIKAM) });
    expect(rows[0]?.change).toEqual({
      tenantId: FABRIKAM,
      partner: "create",
      syncPolicy: "create",
      policyName: "Fabrikam",
      userSyncAllowed: true,
      groupSyncAllowed: null,
      inboundRedemption: true,
      outboundRedemption: false,
    });
    expect(rows[0]?.calls.map((call) => call.write)).toEqual(["add-partner", "set-inbound-redemption", "set-outbound-redemption", "create-sync-policy"]);
    expect(rows[0]?.calls[3]?.words).toBe('Create the sync policy again named "Fabrikam", inbound user sync allowed');
  });

  it("creates a purged policy again on its live partner", async () => {
    const rows = await planFor({ partners: [...without(NORTHWIND), makePartner(NORTHWIND)] });
    expect(rows[0]?.calls).toMatchObject([{ write: "create-sync-policy", method: "PUT" }]);
  });

  it("deletes what was added since, its policy first", async () => {
    const NEW = "55555555-5555-4555-8555-555555555555";
    const rows = await planFor({ partners: [...reads.partners, makePartner(NEW, { syncPolicy: makeSyncPolicy(NEW) })] });
    expect(rows[0]?.calls.map((call) => `${call.method} ${call.write}`)).toEqual(["DELETE delete-sync-policy", "DELETE delete-partner"]);
  });

  it("says what it does not write, and sends nothing for it", async () => {
    const defaultPolicy = { ...reads.defaultPolicy, automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false } };
    const partners = [...without(CONTOSO_EAST), makePartner(CONTOSO_EAST, { isServiceProvider: true })];
    const before = await sampleSnapshot();
    const rows = planPutBack(before, compareSnapshots(before, await sampleSnapshot({ defaultPolicy, partners, deletedSyncPolicies: [] })));
    expect(sendableRows(rows)).toEqual([]);
    expect(rows.flatMap((row) => row.notes)).toEqual([
      "Automatically redeem invitations (inbound): No → Yes: the dashboard does not write this setting: set it in the Entra admin center",
      "Service provider: Not set → Yes: the dashboard does not write this setting: set it in the Entra admin center",
      "Sync policy: In deleted items → Purged: deleted items cannot be written back; nothing to do",
    ]);
  });

  it("makes no call for a change that keeps everything", () => {
    const calls = plannedCalls({ tenantId: FABRIKAM, partner: "keep", syncPolicy: "keep", policyName: null, userSyncAllowed: null, groupSyncAllowed: null, inboundRedemption: null, outboundRedemption: null });
    expect(calls).toEqual([]);
  });
});
