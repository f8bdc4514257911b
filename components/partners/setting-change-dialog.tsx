"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";

/** What a confirmation says changes and what stays. */
function ChangeSummary({ changes, stays }: { changes: string; stays: string }) {
  return (
    <div className="space-y-2 rounded-md bg-surface-muted p-3 text-[13px]">
      <p>
        <strong>What changes:</strong> {changes}
      </p>
      <p>
        <strong>What does not:</strong> {stays}
      </p>
    </div>
  );
}

/**
 * The confirmation before a partner's setting is turned on or off, in every toggle: "Turn on
 * inbound user sync for Fabrikam (tenant …)", what changes, what does not, and the one button.
 */
export function SettingChangeDialog({
  open,
  onOpenChange,
  turnOn,
  setting,
  name,
  tenantId,
  changes,
  stays,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  turnOn: boolean;
  setting: string;
  name: string;
  tenantId: string;
  changes: string;
  stays: string;
  onConfirm: () => void;
}) {
  const verb = turnOn ? "Turn on" : "Turn off";
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`${verb} ${setting}`}
        description={
          <p>
            {verb} {setting} for <strong className="text-fg">{name}</strong> (tenant <span className="font-mono text-xs text-fg">{tenantId}</span>).
          </p>
        }
      >
        <ChangeSummary changes={changes} stays={stays} />
        <DialogActions>
          <Button variant={turnOn ? "primary" : "danger"} onClick={onConfirm}>
            {verb}
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}
