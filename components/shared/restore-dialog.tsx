"use client";

import { RotateCcw } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { policyDisplayName } from "@/lib/partners/display";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";

const LISTED = 8;

export function RestoreDialog({
  open,
  onOpenChange,
  policies,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  policies: DeletedSyncPolicy[];
  onConfirm: () => void;
}) {
  const single = policies.length === 1 ? policies[0] : undefined;
  const title = single ? "Restore sync policy" : `Restore ${policies.length} sync policies`;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={title}
        description={
          single ? (
            <p>
              Restore the identity synchronization policy of <strong className="text-fg">{policyDisplayName(single) ?? "an unnamed partner"}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{single.tenantId}</span>) from deleted items.
            </p>
          ) : (
            <p>These identity synchronization policies come back from deleted items, in batches of up to 20.</p>
          )
        }
      >
        {!single ? (
          <ul className="mb-3 max-h-40 space-y-0.5 overflow-auto rounded border border-border p-2 text-xs">
            {policies.slice(0, LISTED).map((policy) => (
              <li key={policy.tenantId} className="flex justify-between gap-3">
                <span className="truncate">{policyDisplayName(policy) ?? "Unnamed policy"}</span>
                <span className="font-mono text-muted">{policy.tenantId}</span>
              </li>
            ))}
            {policies.length > LISTED ? <li className="text-muted">and {policies.length - LISTED} more</li> : null}
          </ul>
        ) : null}
        <div className="space-y-2 rounded-md bg-surface-muted p-3 text-[13px]">
          <p>
            <strong>What comes back:</strong> the partner&apos;s sync policy object, so cross-tenant synchronization can use it again.
          </p>
          <p>
            <strong>What may not:</strong> settings such as inbound user sync can come back empty. Check them afterwards: the result shows exactly
            what Microsoft Graph returned. The partner&apos;s other cross-tenant access settings are not changed.
          </p>
        </div>
        <DialogActions>
          <Button
            variant="primary"
            onClick={() => {
              onOpenChange(false);
              onConfirm();
            }}
          >
            <RotateCcw aria-hidden className="size-3.5" />
            {single ? "Restore" : `Restore ${policies.length}`}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
