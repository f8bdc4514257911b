import type { Partner, PartnerRow } from "@/lib/core/models";
import type { PartnersList } from "@/lib/queries/partners";
import { toPartnerRow } from "@/lib/partners/row";

/** A whole cached partners list of one page per argument, as the list's query stores it. */
export function partnersList(...pages: (Partner | PartnerRow)[][]): PartnersList {
  return { pages: pages.map((rows) => rows.map((row) => ("inboundTrust" in row ? toPartnerRow(row) : row))), complete: true };
}

export function rowsOf(list: PartnersList | undefined): PartnerRow[] {
  return list ? list.pages.flat() : [];
}
