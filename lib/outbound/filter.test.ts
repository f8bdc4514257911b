import { describe, expect, it } from "vitest";
import { DEFAULT_OUTBOUND_FILTER, durationWords, filterOutbound, parseOutboundFilter, relativeTime, toOutboundSearchParams, type OutboundSortable } from "./filter";

const row = (name: string, status: OutboundSortable["status"], targetName: string | null = null): OutboundSortable => ({
  servicePrincipalId: name,
  displayName: name,
  targetName,
  targetDomain: null,
  status,
  job: null,
});

describe("the Outbound sync page's URL state", () => {
  it("round-trips through the URL and ignores what it does not know", () => {
    const filter = { query: "north", status: "quarantined" as const, sort: "target" as const, direction: "desc" as const };
    expect(parseOutboundFilter(toOutboundSearchParams(filter))).toEqual(filter);
    expect(toOutboundSearchParams(DEFAULT_OUTBOUND_FILTER).toString()).toBe("");
    expect(parseOutboundFilter(new URLSearchParams("status=broken&sort=x"))).toEqual(DEFAULT_OUTBOUND_FILTER);
  });

  it("filters by status and by name or target, worst first by default", () => {
    const rows = [row("A", "healthy", "Fabrikam"), row("B", "quarantined", "Northwind Traders"), row("C", null), row("D", "errors", "Litware")];
    expect(filterOutbound(rows, DEFAULT_OUTBOUND_FILTER).map((r) => r.displayName)).toEqual(["B", "D", "A", "C"]);
    expect(filterOutbound(rows, { ...DEFAULT_OUTBOUND_FILTER, status: "healthy" }).map((r) => r.displayName)).toEqual(["A"]);
    expect(filterOutbound(rows, { ...DEFAULT_OUTBOUND_FILTER, query: "northwind" }).map((r) => r.displayName)).toEqual(["B"]);
  });

  it("says times in words", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(relativeTime("2026-03-01T11:50:00Z", now)).toBe("10 min ago");
    expect(relativeTime("2026-03-02T12:00:00Z", now)).toBe("in 1 day");
    expect(relativeTime(null, now)).toBeNull();
    expect(durationWords("2026-03-01T11:50:00Z", "2026-03-01T11:52:05Z")).toBe("2 min 5 s");
  });
});
