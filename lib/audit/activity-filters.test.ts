import { describe, expect, it } from "vitest";
import { parseActivityFilters, serializeActivityFilters } from "./activity-filters";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

describe("activity filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = { days: 30 as const, partner: FABRIKAM, person: "admin@contoso.example", kind: "sync-deleted" as const };
    const params = serializeActivityFilters(filters);
    expect(params.toString()).toBe(`days=30&partner=${FABRIKAM}&person=admin%40contoso.example&kind=sync-deleted`);
    expect(parseActivityFilters(params)).toEqual(filters);
  });

  it("drops what is not a valid filter and defaults to 7 days", () => {
    expect(parseActivityFilters(new URLSearchParams("days=365&partner=fabrikam&person=x' or 1&kind=all"))).toEqual({ days: 7, partner: null, person: null, kind: null });
    expect(serializeActivityFilters({ days: 7, partner: null, person: null, kind: null }).toString()).toBe("");
  });
});
