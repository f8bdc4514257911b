import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { graphKeys } from "./keys";
import { persistOptions } from "./persist";
import type { PartnersList } from "./partners";

const ACCOUNT = "account-1";

function stored(list: PartnersList): boolean {
  const queryClient = new QueryClient();
  queryClient.setQueryData(graphKeys.partnersList(ACCOUNT), list);
  const query = queryClient.getQueryCache().find({ queryKey: graphKeys.partnersList(ACCOUNT) })!;
  return persistOptions(ACCOUNT).dehydrateOptions?.shouldDehydrateQuery?.(query) ?? false;
}

describe("the stored query cache", () => {
  it("takes the partners list once it is whole, not while its pages are still arriving", () => {
    expect(stored({ pages: [[]], complete: false })).toBe(false);
    expect(stored({ pages: [[]], complete: true })).toBe(true);
  });
});
