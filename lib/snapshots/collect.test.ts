import { describe, expect, it } from "vitest";
import type { TenantInformation } from "@/lib/core/models";
import { FABRIKAM, HOME, LUCERNE, NORTHWIND, sampleReads, sampleSnapshot } from "@/tests/snapshot-fixtures";
import { collectSnapshot, type SnapshotProgress, type SnapshotSource } from "./collect";

const reads = sampleReads();

function source(tenants: (ids: string[], attempt: number) => { found: TenantInformation[]; unknown: string[] } | Error): SnapshotSource & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    tenantId: HOME,
    now: () => new Date(reads.takenDateTime),
    policyRoot: async () => reads.policyRoot,
    defaultPolicy: async () => reads.defaultPolicy,
    partners: async (onPart) => {
      onPart(reads.partners.slice(0, 1));
      onPart(reads.partners.slice(1));
    },
    deletedPartners: async (onPart) => onPart([...reads.deletedPartners]),
    deletedSyncPolicies: async (onPart) => onPart([...reads.deletedSyncPolicies]),
    tenants: async (ids, onPart) => {
      asked.push(ids);
      const answer = tenants(ids, asked.length);
      if (answer instanceof Error) throw answer;
      onPart(answer);
    },
  };
}

const known = (ids: string[]) => ({ found: reads.tenants.filter((t) => ids.includes(t.tenantId)), unknown: ids.filter((id) => !reads.tenants.some((t) => t.tenantId === id)) });

describe("collectSnapshot", () => {
  it("builds from the reads what the builder builds, names asked for once per tenant, progress as parts arrive", async () => {
    const progress: SnapshotProgress[] = [];
    const from = source(known);
    const document = await collectSnapshot(from, (p) => progress.push(p));
    expect(document).toEqual(await sampleSnapshot());
    expect(from.asked.flat().sort()).toEqual([FABRIKAM, NORTHWIND, "33333333-3333-4333-8333-333333333333", LUCERNE].sort());
    expect(progress.map((p) => p.partners)).toContain(1);
    expect(progress.at(-1)).toEqual({ partners: 3, deletedPartners: 1, deletedSyncPolicies: 1, names: 4 });
  });

  it("asks once more for names a failed lookup left out, and does not fail the export over names", async () => {
    const again = source((ids, attempt) => (attempt === 1 ? new Error("throttled") : known(ids)));
    expect((await collectSnapshot(again)).tenants.map((t) => t.displayName)).toEqual(["Fabrikam", "Northwind Traders"]);
    const never = source(() => new Error("forbidden"));
    expect((await collectSnapshot(never)).tenants).toEqual([]);
  });
});
