"use client";

/**
 * Purge from deleted items: one provider per view owns the typed confirmation
 * dialog and the last run's per-row outcomes; row and selection buttons ask it.
 */
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { Trash2, X } from "lucide-react";
import { toast } from "sonner";
import type { DeletedSyncPolicy } from "@/lib/models";
import { usePurgeSyncPolicies } from "@/lib/queries/sync-policy-writes";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { describeWriteOutcome } from "@/lib/writes/messages";
import { Button } from "@/components/ui/button";
import { announceWriteError, resendAfterWait } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { OutcomeIcon } from "./outcome-badge";
import { PurgeDialog } from "./purge-dialog";
import { purgeName } from "./purge-name";
import { PERMISSION_REASON_ID } from "@/components/writes/use-write-permission";

interface PurgeRun {
  outcomes: WriteOutcome[];
  names: Record<string, string>;
}

interface PurgeFlow {
  ask: (policies: DeletedSyncPolicy[]) => void;
  pending: boolean;
  run: PurgeRun | null;
  dismiss: () => void;
}

const PurgeContext = createContext<PurgeFlow | null>(null);

/** A resend's outcomes replace the earlier ones of the same rows. */
function merge(previous: PurgeRun | null, latest: PurgeRun): PurgeRun {
  if (!previous) return latest;
  const ids = new Set(latest.outcomes.map((outcome) => outcome.tenantId));
  return { outcomes: [...previous.outcomes.filter((outcome) => !ids.has(outcome.tenantId)), ...latest.outcomes], names: { ...previous.names, ...latest.names } };
}

export function PurgeFlowProvider({ children, onPurged }: { children: React.ReactNode; onPurged?: (tenantIds: string[]) => void }) {
  const [confirming, setConfirming] = useState<DeletedSyncPolicy[]>([]);
  const [run, setRun] = useState<PurgeRun | null>(null);
  const purge = usePurgeSyncPolicies();

  const confirm = useCallback(
    function send(policies: DeletedSyncPolicy[], again = true) {
      setConfirming([]);
      const names = Object.fromEntries(policies.map((policy) => [policy.tenantId.toLowerCase(), purgeName(policy) ?? policy.tenantId]));
      purge.mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId) }).then(
        (outcomes) => {
          setRun((previous) => merge(previous, { outcomes, names }));
          const gone = outcomes.filter((outcome) => outcome.kind === "done" || outcome.kind === "already-done").map((outcome) => outcome.tenantId);
          if (gone.length > 0) onPurged?.(gone);
          const [only] = outcomes;
          if (outcomes.length === 1 && only?.kind === "done") toast.success(`Purged the sync policy of ${names[only.tenantId] ?? only.tenantId}`, { description: "It is gone for good." });
          const throttled = outcomes.filter((outcome) => outcome.kind === "throttled");
          const [first] = throttled;
          if (first && again) {
            const ids = new Set(throttled.map((outcome) => outcome.tenantId));
            const wait = Math.max(...throttled.map((outcome) => outcome.error?.retryAfterSeconds ?? 0));
            resendAfterWait({ ...first, error: first.error ? { ...first.error, retryAfterSeconds: wait || null } : null }, () =>
              send(policies.filter((policy) => ids.has(policy.tenantId.toLowerCase())), false),
            );
          }
        },
        (error: unknown) => announceWriteError(error, "Nothing was purged."),
      );
    },
    [purge, onPurged],
  );

  const value = useMemo<PurgeFlow>(() => ({ ask: setConfirming, pending: purge.isPending, run, dismiss: () => setRun(null) }), [purge.isPending, run]);
  return (
    <PurgeContext.Provider value={value}>
      {children}
      <PurgeDialog
        items={confirming.map((policy) => ({ tenantId: policy.tenantId, name: purgeName(policy) }))}
        onOpenChange={(open) => !open && setConfirming([])}
        onConfirm={() => confirm(confirming)}
      />
    </PurgeContext.Provider>
  );
}

function usePurgeFlow(): PurgeFlow {
  const flow = useContext(PurgeContext);
  if (!flow) throw new Error("Purge controls need a PurgeFlowProvider.");
  return flow;
}

export function PurgeRowButton({ policy }: { policy: DeletedSyncPolicy }) {
  const flow = usePurgeFlow();
  const permission = useWritePermission();
  const label = purgeName(policy) ?? policy.tenantId;
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Purge ${label}`}
      unavailable={!permission.allowed}
      disabled={flow.pending}
      aria-describedby={permission.allowed ? undefined : PERMISSION_REASON_ID}
      onClick={() => flow.ask([policy])}
    >
      <Trash2 aria-hidden className="size-3.5" />
      Purge
    </Button>
  );
}

export function PurgeSelectedButton({ policies }: { policies: DeletedSyncPolicy[] }) {
  const flow = usePurgeFlow();
  const permission = useWritePermission();
  return (
    <Button
      size="sm"
      unavailable={!permission.allowed}
      disabled={policies.length === 0 || flow.pending}
      aria-describedby={permission.allowed ? undefined : PERMISSION_REASON_ID}
      onClick={() => flow.ask(policies)}
    >
      <Trash2 aria-hidden className="size-3.5" />
      {flow.pending ? "Purging…" : `Purge selected${policies.length > 0 ? ` (${policies.length})` : ""}`}
    </Button>
  );
}

export function PurgeResults() {
  const { run, dismiss } = usePurgeFlow();
  if (!run) return null;
  const counts = new Map<string, number>();
  for (const outcome of run.outcomes) {
    const label = describeWriteOutcome(outcome).label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (
    <section aria-label="Purge results" className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">Purge results</h2>
        <p className="text-muted" role="status">
          {[...counts.entries()].map(([label, count]) => `${label}: ${count}`).join(" · ")}
        </p>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={dismiss} aria-label="Dismiss purge results">
          <X aria-hidden className="size-3.5" />
        </Button>
      </div>
      <ul className="max-h-72 divide-y divide-border overflow-auto">
        {run.outcomes.map((outcome) => {
          const message = describeWriteOutcome(outcome);
          return (
            <li key={outcome.tenantId} className="flex items-start gap-2 px-4 py-2 text-[13px]" data-outcome={outcome.kind}>
              <OutcomeIcon tone={message.tone} />
              <div className="min-w-0 flex-1">
                <span className="font-medium">{run.names[outcome.tenantId] ?? outcome.tenantId}</span>{" "}
                <span className="font-mono text-xs text-muted">{outcome.tenantId}</span>
                <span className="ml-2 font-medium">{message.label}</span>
                <p className="text-muted">{message.detail}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
