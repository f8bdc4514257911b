"use client";

import { RotateCcw } from "lucide-react";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { DELETED_NOUNS, DeletedItemList, type DeletedItem, type DeletedNoun } from "./deleted-items";

const WORDS = {
  "sync-policy": {
    ...DELETED_NOUNS["sync-policy"],
    several: "These identity synchronization policies come back from deleted items, in batches of up to 20.",
    unnamed: "Unnamed policy",
  },
  partner: {
    ...DELETED_NOUNS.partner,
    several: "These partners' cross-tenant access configurations come back from deleted items.",
    unnamed: "Unnamed partner",
  },
} as const satisfies Record<DeletedNoun, unknown>;

/** What comes back, and what may not, as each kind of item says it. */
function WhatComesBack({ noun, single }: { noun: DeletedNoun; single: boolean }) {
  if (noun === "partner") {
    return (
      <p className="rounded-md bg-surface-muted p-3 text-[13px]">
        {single ? "The partner comes" : "Each partner comes"} back with the settings Microsoft Entra kept. A sync policy is restored separately, from deleted
        sync policies.
      </p>
    );
  }
  return (
    <div className="space-y-2 rounded-md bg-surface-muted p-3 text-[13px]">
      <p>
        <strong>What comes back:</strong> the partner&apos;s sync policy object, so cross-tenant synchronization can use it again.
      </p>
      <p>
        <strong>What may not:</strong> settings such as inbound user sync can come back empty. Check them afterwards: the result shows exactly
        what Microsoft Graph returned. The partner&apos;s other cross-tenant access settings are not changed.
      </p>
    </div>
  );
}

export function RestoreDialog({
  open,
  onOpenChange,
  items,
  noun = "sync-policy",
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  items: DeletedItem[];
  noun?: DeletedNoun;
  onConfirm: () => void;
}) {
  const words = WORDS[noun];
  const single = items.length === 1 ? items[0] : undefined;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={single ? `Restore ${words.one}` : `Restore ${items.length} ${words.many}`}
        description={
          single ? (
            <p>
              Restore the {words.what} of <strong className="text-fg">{single.name ?? "an unnamed partner"}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{single.tenantId}</span>) from deleted items.
            </p>
          ) : (
            <p>{words.several}</p>
          )
        }
      >
        {!single ? <DeletedItemList items={items} unnamed={words.unnamed} /> : null}
        <WhatComesBack noun={noun} single={single !== undefined} />
        <DialogActions>
          <Button
            variant="primary"
            onClick={() => sendThenClose(onConfirm, () => onOpenChange(false))}
          >
            <RotateCcw aria-hidden className="size-3.5" />
            {single ? "Restore" : `Restore ${items.length}`}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
