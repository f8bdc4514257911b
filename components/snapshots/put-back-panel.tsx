"use client";

import { Info, Undo2 } from "lucide-react";
import type { PutBackRow } from "@/lib/snapshots/plan";
import { Button } from "@/components/ui/button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { useWritePermission } from "@/components/writes/use-write-permission";

const REASON_ID = "put-back-reason";

/** The dry run: every Graph call the put-back will make, per partner, before anything is sent; readers see it too, without the button. */
export function PutBackPanel({ rows, busy, onApply }: { rows: PutBackRow[]; busy: boolean; onApply: (rows: PutBackRow[]) => void }) {
  const permission = useWritePermission();
  const sendable = rows.filter((row) => row.calls.length > 0);
  const callCount = sendable.reduce((sum, row) => sum + row.calls.length, 0);
  return (
    <section aria-label="Put back" className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">Put back</h2>
        <p className="text-muted">
          Dry run: {callCount} Graph {callCount === 1 ? "call" : "calls"} for {sendable.length} {sendable.length === 1 ? "partner" : "partners"}. Nothing is sent until you put back.
        </p>
        <div className="ml-auto">
          {permission.allowed ? (
            <Button variant="primary" size="sm" disabled={busy || sendable.length === 0} onClick={() => onApply(sendable)}>
              <Undo2 aria-hidden className="size-3.5" />
              Put back {sendable.length} {sendable.length === 1 ? "partner" : "partners"}
            </Button>
          ) : (
            <UnavailableReason id={REASON_ID} reason={permission.reason ?? "Your role can read this plan but not change anything."} />
          )}
        </div>
      </div>
      <ol className="max-h-80 divide-y divide-border overflow-auto text-[13px]">
        {rows.map((row) => (
          <li key={row.tenantId} className="px-4 py-2">
            <div>
              <span className="font-medium">{row.name ?? "Unnamed partner"}</span> <span className="font-mono text-xs text-muted">{row.tenantId}</span>
            </div>
            <ol className="mt-1 list-decimal space-y-0.5 pl-5">
              {row.calls.map((call, index) => (
                <li key={index}>
                  {call.words} · <code className="font-mono text-xs text-muted">{call.method} {call.path}</code>
                </li>
              ))}
            </ol>
            {row.notes.map((note, index) => (
              <p key={index} className="mt-1 flex items-start gap-1.5 text-muted">
                <Info aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                {note}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
