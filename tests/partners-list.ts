import type { InfiniteData } from "@tanstack/react-query";
import type { Partner, PartnerRow } from "@/lib/models";
import type { PartnersPage } from "@/lib/queries/partners";
import { toPartnerRow } from "@/lib/queries/cache-sync";

/** A cached partners list of one page per argument, as the infinite query stores it. */
export function partnersList(...pages: (Partner | PartnerRow)[][]): InfiniteData<PartnersPage, string | null> {
  return {
    pages: pages.map((rows, index) => ({
      partners: rows.map((row) => ("inboundTrust" in row ? toPartnerRow(row) : row)),
      nextLink: index < pages.length - 1 ? `https://graph.example/page-${index + 1}` : null,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `https://graph.example/page-${index}`)),
  };
}

export function rowsOf(list: InfiniteData<PartnersPage, string | null> | undefined): PartnerRow[] {
  return list ? list.pages.flatMap((page) => page.partners) : [];
}
