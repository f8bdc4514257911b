"use client";

import { useId, useState } from "react";
import { Trash2 } from "lucide-react";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { DELETED_NOUNS, DeletedItemList, type DeletedItem, type DeletedNoun } from "./deleted-items";

const WORDS = {
  "sync-policy": {
    ...DELETED_NOUNS["sync-policy"],
    gone: "A purged policy can no longer be restored; setting up sync again creates a new, empty policy. Users already synchronized stay in your tenant.",
  },
  partner: {
    ...DELETED_NOUNS.partner,
    gone: "A purged partner configuration can no longer be restored; adding the organization again starts from your default settings.",
  },
} as const satisfies Record<DeletedNoun, unknown>;

/** What must be typed before a purge: the partner's name, its tenant id when unnamed, or "purge N" for several. */
function purgeConfirmationText(items: DeletedItem[]): string {
  const [single] = items;
  if (items.length === 1 && single) return single.name ?? single.tenantId;
  return `purge ${items.length}`;
}

function matchesConfirmation(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase() && expected.trim() !== "";
}

export function PurgeDialog({
  items,
  noun = "sync-policy",
  onOpenChange,
  onConfirm,
}: {
  items: DeletedItem[];
  noun?: DeletedNoun;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const words = WORDS[noun];
  const single = items.length === 1 ? items[0] : undefined;
  const expected = purgeConfirmationText(items);
  const ok = matchesConfirmation(typed, expected);
  return (
    <Dialog
      open={items.length > 0}
      onOpenChange={(open) => {
        if (!open) setTyped("");
        onOpenChange(open);
      }}
    >
      <DialogContent
        title={single ? `Purge ${words.one}` : `Purge ${items.length} ${words.many}`}
        description={
          single ? (
            <p>
              Permanently delete the {words.what} of <strong className="text-fg">{single.name ?? "an unnamed partner"}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{single.tenantId}</span>) from deleted items.
            </p>
          ) : (
            <p>Permanently delete these {words.many} from deleted items.</p>
          )
        }
      >
        {!single ? <DeletedItemList items={items} unnamed="Unnamed partner" /> : null}
        <p className="rounded-md border border-danger/40 bg-surface-muted p-3 text-[13px]">
          <strong>This cannot be undone.</strong> {words.gone}
        </p>
        <form
          className="mt-4 space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (!ok) return;
            sendThenClose(onConfirm, () => {
              setTyped("");
              onOpenChange(false);
            });
          }}
        >
          <label htmlFor={inputId} className="text-[13px]">
            Type <strong className="select-all font-mono">{expected}</strong> to confirm
          </label>
          <input
            id={inputId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
            className="h-8 w-full rounded-md border border-border-strong bg-surface px-2 text-sm"
          />
          <DialogActions className="mt-0 pt-4">
            <Button type="submit" variant="danger" disabled={!ok}>
              <Trash2 aria-hidden className="size-3.5" />
              {single ? "Purge" : `Purge ${items.length}`}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
