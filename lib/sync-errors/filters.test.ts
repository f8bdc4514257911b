import { describe, expect, it } from "vitest";
import { parseSyncErrorFilters, serializeSyncErrorFilters } from "./filters";

describe("sync error filters in the URL", () => {
  it("reads failures of the last 7 days by default", () => {
    expect(parseSyncErrorFilters(new URLSearchParams())).toEqual({ days: 7, status: "failure", action: null, user: null });
    expect(serializeSyncErrorFilters({ days: 7, status: "failure", action: null, user: null }).toString()).toBe("");
  });

  it("round-trips every filter", () => {
    const filters = { days: 30, status: "all", action: "stageddelete", user: "Megan" } as const;
    expect(parseSyncErrorFilters(serializeSyncErrorFilters(filters))).toEqual(filters);
    expect(serializeSyncErrorFilters(filters).toString()).toBe("days=30&status=all&action=stageddelete&user=Megan");
  });

  it("drops what is not a filter", () => {
    expect(parseSyncErrorFilters(new URLSearchParams("days=90&status=broken&action=constructor&user=%20%20"))).toEqual({ days: 7, status: "failure", action: null, user: null });
    expect(parseSyncErrorFilters(new URLSearchParams(`user=${"x".repeat(5000)}`)).user).toHaveLength(256);
  });
});
