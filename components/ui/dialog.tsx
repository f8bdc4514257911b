"use client";

import { useRef } from "react";
import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Button } from "./button";
import { rememberFocus, returnFocus, type FocusMemory } from "./focus-return";

export const Dialog = RadixDialog.Root;

/**
 * A modal dialog. However it was opened (most are opened from state, not a Radix
 * trigger), focus goes back to the control that opened it when it closes, or to
 * that control's next neighbour once a change removed it (focus-return.ts).
 */
export function DialogContent({ title, description, children, className }: { title: string; description: React.ReactNode; children: React.ReactNode; className?: string }) {
  const opener = useRef<FocusMemory | null>(null);
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <RadixDialog.Content
        onOpenAutoFocus={() => {
          opener.current = rememberFocus();
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus(opener.current);
        }}
        className={cn(
          "fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface p-5 shadow-xl",
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4">
          <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
          <RadixDialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-muted hover:text-fg">
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </div>
        <RadixDialog.Description asChild>
          <div className="mt-2 text-sm text-muted">{description}</div>
        </RadixDialog.Description>
        <div className="mt-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** Cancel, then the dialog's confirming action (passed as children). */
export function DialogActions({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("mt-5 flex justify-end gap-2", className)}>
      <RadixDialog.Close asChild>
        <Button>Cancel</Button>
      </RadixDialog.Close>
      {children}
    </div>
  );
}
