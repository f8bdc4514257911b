"use client";

import { usePendingWrites, type PendingWrite } from "@/components/writes/pending-writes";
import { pendingMarkId } from "@/components/writes/pending-mark";
import type { WriteKind } from "@/lib/writes/outcome";

/**
 * A partner's write controls wait while any write to it is pending (on the wire or counted down
 * after throttling): `busy`, and the mark that says why for aria-describedby. `find` gives the
 * pending write a value shows its mark for.
 */
export function usePartnerWriteWait(tenantId: string) {
  const pending = usePendingWrites(tenantId);
  const first = pending[0];
  return {
    busy: first !== undefined,
    describedBy: first ? pendingMarkId(first) : undefined,
    find: (write: WriteKind, setting?: string): PendingWrite | undefined => pending.find((item) => item.write === write && (setting === undefined || item.setting === setting)),
  };
}
