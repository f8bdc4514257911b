import { describe, expect, it } from "vitest";
import type { PartnerRow } from "@/lib/models";
import { applyPartnersFilter, DEFAULT_FILTER, filterPartners, sortPartners } from "./filter";

const row = (index: number, allowed: boolean | null): PartnerRow => ({
  tenantId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
  displayName: `Partner ${String(index).padStart(5, "0")}`,
  isServiceProvider: null,
  isInMultiTenantOrganization: null,
  syncPolicy: allowed === null ? null : { tenantId: "", displayName: null, userSyncAllowed: allowed, groupSyncAllowed: null },
});

describe("sort once, filter per keystroke", () => {
  const rows = Array.from({ length: 2_000 }, (_, index) => row(1_999 - index, index % 3 === 0 ? null : index % 3 === 1));

  it("filtering a sorted list keeps its order and equals filtering and sorting in one go", () => {
    const filter = { ...DEFAULT_FILTER, query: "partner 01", sync: "allowed" as const, sort: "name" as const, direction: "desc" as const };
    const sorted = sortPartners(rows, filter);
    expect(filterPartners(sorted, filter)).toEqual(applyPartnersFilter(rows, filter));
    expect(filterPartners(sorted, filter).map((partner) => partner.displayName)).toEqual(
      rows
        .filter((partner) => partner.displayName!.toLowerCase().includes("partner 01") && partner.syncPolicy?.userSyncAllowed === true)
        .map((partner) => partner.displayName)
        .sort()
        .reverse(),
    );
  });

  it("does not change the list it is given", () => {
    const before = rows.map((partner) => partner.tenantId);
    sortPartners(rows, { sort: "tenantId", direction: "asc" });
    filterPartners(rows, { query: "", sync: null });
    expect(rows.map((partner) => partner.tenantId)).toEqual(before);
  });
});
