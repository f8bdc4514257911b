import { describe, expect, it } from "vitest";
import { isValidPerson, parseActivityFilters, PERSON_PATTERN, serializeActivityFilters } from "./activity-filters";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

describe("activity filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = { days: 30 as const, partner: FABRIKAM, person: "admin@contoso.example", personStart: null, kind: "sync-deleted" as const };
    const params = serializeActivityFilters(filters);
    expect(params.toString()).toBe(`days=30&partner=${FABRIKAM}&person=admin%40contoso.example&kind=sync-deleted`);
    expect(parseActivityFilters(params)).toEqual(filters);
  });

  it("drops what is not a valid filter and defaults to 7 days", () => {
    expect(parseActivityFilters(new URLSearchParams("days=365&partner=fabrikam&person=x' or 1&by=x' or 1&kind=all"))).toEqual({
      days: 7,
      partner: null,
      person: null,
      personStart: null,
      kind: null,
    });
    expect(serializeActivityFilters({ days: 7, partner: null, person: null, personStart: null, kind: null }).toString()).toBe("");
  });

  it("keeps the start of a sign-in name, unless a whole one is given", () => {
    expect(parseActivityFilters(new URLSearchParams("by=adele")).personStart).toBe("adele");
    expect(serializeActivityFilters({ days: 7, partner: null, person: null, personStart: "adele", kind: null }).toString()).toBe("by=adele");
    expect(parseActivityFilters(new URLSearchParams("person=admin@contoso.example&by=adele"))).toMatchObject({ person: "admin@contoso.example", personStart: null });
    expect(parseActivityFilters(new URLSearchParams("by=adele vance")).personStart).toBeNull();
  });

  it("takes one @ between two non-empty sides", () => {
    expect(isValidPerson(" admin@contoso.example ")).toBe(true);
    expect(isValidPerson("alice_fabrikam.example#EXT#@contoso.onmicrosoft.com")).toBe(true);
    for (const person of ["admin@@contoso.example", "a@b@c", "@contoso.example", "admin@", "@", "admin", `${"a".repeat(250)}@contoso.example`]) {
      expect(isValidPerson(person)).toBe(false);
    }
  });

  it("refuses a long run of @ in the URL at once, however it ends", () => {
    for (const run of ["@".repeat(1024 * 1024), `${"@".repeat(1024 * 1024)} `, `a${"@".repeat(1024 * 1024)}!`]) {
      const started = performance.now();
      expect(parseActivityFilters(new URLSearchParams({ person: run })).person).toBeNull();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("keeps the pattern itself linear, even without the length check in front of it", () => {
    // Before: the first side also matched "@", so 64 KiB of "@" and a space took seconds.
    for (const run of [`${"@".repeat(64 * 1024)} `, `a${"@".repeat(64 * 1024)} `, `${"a@".repeat(32 * 1024)} `]) {
      const started = performance.now();
      expect(PERSON_PATTERN.test(run)).toBe(false);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
