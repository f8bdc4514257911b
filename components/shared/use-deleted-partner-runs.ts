"use client";

import { useRereadDeletedPartnerIds } from "@/lib/queries/deleted-partners";
import { usePurgePartners, useRestorePartners } from "@/lib/queries/partner-writes";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { useWriteRun } from "@/components/writes/use-write-run";
import type { DeletedItem } from "./deleted-items";

export type DeletedPartnerWrite = "restore-partner" | "purge-partner";

/**
 * Restores or purges of deleted partners through the shared write run, wherever a page offers
 * them (the deleted list, a partner's own link). `nameOf`: the name the page shows for a row,
 * when it knows a better one than the item's.
 */
export function useDeletedPartnerRun<TItem extends DeletedItem>(
  write: DeletedPartnerWrite,
  { nameOf, onSettled }: { nameOf?: (item: TItem) => string | null; onSettled?: (outcomes: WriteOutcome[]) => void } = {},
) {
  const restore = useRestorePartners();
  const purge = usePurgePartners();
  const { mutateAsync } = write === "restore-partner" ? restore : purge;
  return useWriteRun<TItem>({
    write,
    send: (items) => mutateAsync({ tenantIds: items.map((item) => item.tenantId) }),
    tenantIdOf: (item) => item.tenantId,
    nameOf: (item) => nameOf?.(item) ?? item.name ?? item.tenantId,
    stillToDo: useRereadDeletedPartnerIds(),
    onSettled,
  });
}
