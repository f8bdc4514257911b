import { describe, expect, it } from "vitest";
import { parseDeletedFilter, toDeletedSearchParams } from "./filter";

describe("the deleted pages' URL state", () => {
  it("round-trips through the URL and ignores what it does not know", () => {
    const filter = { query: "fabrikam", expiringOnly: true };
    expect(toDeletedSearchParams(filter).toString()).toBe("q=fabrikam&expiring=1");
    expect(parseDeletedFilter(toDeletedSearchParams(filter))).toEqual(filter);
    expect(toDeletedSearchParams({ query: "", expiringOnly: false }).toString()).toBe("");
    expect(parseDeletedFilter(new URLSearchParams("expiring=yes"))).toEqual({ query: "", expiringOnly: false });
  });
});
