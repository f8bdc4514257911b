import { describe, expect, it } from "vitest";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { CONTOSO_EAST, FABRIKAM, LUCERNE, makeDeletedPartner, NORTHWIND, sampleReads, sampleSnapshot } from "@/tests/snapshot-fixtures";
import { compareSnapshots, countByKind } from "./compare";
import { filterDifferences, parseSnapshotView, toSnapshotViewParams } from "./view";

const reads = sampleReads();
const without = (id: string) => reads.partners.filter((p) => p.tenantId !== id);

describe("compareSnapshots", () => {
  it("finds nothing between two snapshots of the same configuration", async () => {
    expect(compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ takenDateTime: "2026-12-02T00:00:00.000Z" }))).toEqual([]);
  });

  it("says a changed sync setting as old → new in the change history's words", async () => {
    const partners = [...without(NORTHWIND), makePartner(NORTHWIND, { syncPolicy: makeSyncPolicy(NORTHWIND, { displayName: "Northwind", userSyncAllowed: false }) })];
    const differences = compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ partners }));
    expect(differences).toMatchObject([{ tenantId: NORTHWIND, name: "Northwind Traders", kind: "changed", subject: "setting", summary: "Inbound user sync: Allowed → Blocked" }]);
  });

  it("folds a partner deleted with its sync policy into one removal (live → deleted)", async () => {
    const differences = compareSnapshots(
      await sampleSnapshot(),
      await sampleSnapshot({
        partners: without(FABRIKAM),
        deletedPartners: [...reads.deletedPartners, makeDeletedPartner(FABRIKAM)],
        deletedSyncPolicies: [...reads.deletedSyncPolicies, makeDeletedSyncPolicy(FABRIKAM, { displayName: "Fabrikam", userSyncAllowed: true })],
      }),
    );
    expect(differences).toMatchObject([
      { tenantId: FABRIKAM, kind: "removed", subject: "partner", from: "live", to: "deleted", withSyncPolicy: true, summary: "Partner configuration and its sync policy: Live → In deleted items" },
    ]);
  });

  it("says a policy deleted and purged is removed (live → purged), and a deleted one purged is removed too", async () => {
    const partners = [...without(NORTHWIND), makePartner(NORTHWIND)];
    const differences = compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ partners, deletedSyncPolicies: [] }));
    expect(differences).toMatchObject([
      { tenantId: NORTHWIND, kind: "removed", subject: "sync-policy", from: "live", to: "absent", summary: "Sync policy: Live → Purged" },
      { tenantId: LUCERNE, kind: "removed", subject: "sync-policy", from: "deleted", to: "absent", summary: "Sync policy: In deleted items → Purged" },
    ]);
  });

  it("says a partner added since is added, and one restored from deleted items too", async () => {
    const NEW = "55555555-5555-4555-8555-555555555555";
    const differences = compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ partners: [...reads.partners, makePartner(NEW), makePartner(LUCERNE)], deletedPartners: [] }));
    expect(differences).toMatchObject([
      { tenantId: LUCERNE, kind: "added", subject: "partner", from: "deleted", to: "live" },
      { tenantId: NEW, kind: "added", subject: "partner", from: "absent", to: "live", summary: "Partner configuration: None → Live" },
    ]);
  });

  it("names partner and default-policy settings as the admin center does", async () => {
    const partners = [...without(FABRIKAM), makePartner(FABRIKAM, { automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false }, syncPolicy: reads.partners[1]!.syncPolicy })];
    const defaultPolicy = { ...reads.defaultPolicy, inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false } };
    const differences = compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ partners, defaultPolicy }));
    expect(differences.map((d) => [d.name, d.summary])).toEqual([
      ["Default settings", "Trust multifactor authentication from this organization: No → Yes"],
      ["Fabrikam", "Automatically redeem invitations (inbound): Yes → No"],
    ]);
  });

  it("counts by kind and filters by kind and words, with the view kept in the URL", async () => {
    const partners = [...without(CONTOSO_EAST), makePartner(NORTHWIND, { syncPolicy: makeSyncPolicy(NORTHWIND, { displayName: "Northwind", userSyncAllowed: false }) })].filter(
      (p, i, all) => all.findIndex((q) => q.tenantId === p.tenantId) === i,
    );
    const differences = compareSnapshots(await sampleSnapshot(), await sampleSnapshot({ partners }));
    expect(countByKind(differences)).toEqual({ added: 0, removed: 1, changed: 0 });
    const view = parseSnapshotView(new URLSearchParams("show=removed,bogus&against=file&q=contoso"));
    expect(view).toEqual({ against: "file", kinds: ["removed"], query: "contoso" });
    expect(toSnapshotViewParams(view).toString()).toBe("against=file&show=removed&q=contoso");
    expect(filterDifferences(differences, { kinds: ["changed"], query: "" })).toEqual([]);
    expect(filterDifferences(differences, { kinds: [], query: CONTOSO_EAST.slice(0, 8) })).toHaveLength(1);
  });
});
