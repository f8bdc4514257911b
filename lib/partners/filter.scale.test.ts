import { describe, expect, it } from "vitest";
import type { PartnerRow } from "@/lib/core/models";
import { filterPartners, sortPartners } from "./filter";

const tenantIdOf = (number: number) => `00000000-0000-4000-8000-${String(number).padStart(12, "0")}`;
const nameOf = (number: number) => `Partner ${String(number).padStart(5, "0")}`;

/** Partner number n: no policy when n % 3 == 0, allowed when n % 3 == 1, blocked when n % 3 == 2. */
const row = (number: number): PartnerRow => ({
  tenantId: tenantIdOf(number),
  displayName: nameOf(number),
  isServiceProvider: null,
  isInMultiTenantOrganization: null,
  syncPolicy: number % 3 === 0 ? null : { tenantId: tenantIdOf(number), displayName: null, userSyncAllowed: number % 3 === 1, groupSyncAllowed: null },
});

describe("sort once, filter per keystroke", () => {
  // Shuffled deterministically (a multiplier coprime with the size), so neither input order nor sort is trivial.
  const size = 2_000;
  const rows = Array.from({ length: size }, (_, index) => row((index * 7_919) % size));

  it("a sorted list filtered by search and sync holds exactly the matching partners, in sort order", () => {
    const filter = { query: "partner 01", sync: "allowed" as const };
    const sorted = sortPartners(rows, { sort: "name", direction: "desc" });
    // "Partner 01000" … "Partner 01999" match the search; allowed are those with n % 3 == 1; descending by name.
    const expected: string[] = [];
    for (let number = 1_999; number >= 1_000; number -= 1) if (number % 3 === 1) expected.push(nameOf(number));
    expect(filterPartners(sorted, filter).map((partner) => partner.displayName)).toEqual(expected);
  });

  it("an empty search and no sync filter keep every row in the order given", () => {
    const sorted = sortPartners(rows, { sort: "tenantId", direction: "asc" });
    expect(filterPartners(sorted, { query: " ", sync: null }).map((partner) => partner.tenantId)).toEqual(
      Array.from({ length: size }, (_, number) => tenantIdOf(number)),
    );
  });

  it("does not change the list it is given", () => {
    const before = rows.map((partner) => partner.tenantId);
    sortPartners(rows, { sort: "tenantId", direction: "asc" });
    filterPartners(rows, { query: "partner", sync: "blocked" });
    expect(rows.map((partner) => partner.tenantId)).toEqual(before);
  });
});
