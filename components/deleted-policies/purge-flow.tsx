"use client";

/**
 * Purge from deleted items: one provider per view owns the typed confirmation
 * dialog and the last run's per-row outcomes; row and selection buttons ask it.
 */
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { Trash2 } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { usePurgeSyncPolicies } from "@/lib/queries/sync-policy-writes";
import { useRereadDeletedSyncPolicyIds } from "@/lib/queries/deleted-sync-policies";
import { isSettledOutcome } from "@/lib/writes/outcome";
import { useWriteRun, type WriteRunState } from "@/components/writes/use-write-run";
import { WriteResults } from "@/components/writes/write-results";
import { PERMISSION_REASON_ID, useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";
import { PurgeDialog } from "@/components/shared/purge-dialog";
import { purgeName } from "./purge-name";

interface PurgeFlow {
  ask: (policies: DeletedSyncPolicy[]) => void;
  writes: WriteRunState<DeletedSyncPolicy>;
}

const PurgeContext = createContext<PurgeFlow | null>(null);

export function PurgeFlowProvider({ children, onPurged }: { children: React.ReactNode; onPurged?: (tenantIds: string[]) => void }) {
  const [confirming, setConfirming] = useState<DeletedSyncPolicy[]>([]);
  const { mutateAsync } = usePurgeSyncPolicies();
  const writes = useWriteRun<DeletedSyncPolicy>({
    write: "purge-sync-policy",
    send: (policies) => mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId) }),
    tenantIdOf: (policy) => policy.tenantId,
    nameOf: (policy) => purgeName(policy) ?? policy.tenantId,
    stillToDo: useRereadDeletedSyncPolicyIds(),
    onSettled: (outcomes) => {
      const purged = outcomes.filter(isSettledOutcome).map((outcome) => outcome.tenantId);
      if (purged.length > 0) onPurged?.(purged);
    },
  });
  const { start } = writes;
  const confirm = useCallback(() => void start(confirming), [start, confirming]);

  const value = useMemo<PurgeFlow>(() => ({ ask: setConfirming, writes }), [writes]);
  return (
    <PurgeContext.Provider value={value}>
      {children}
      <PurgeDialog
        items={confirming.map((policy) => ({ tenantId: policy.tenantId, name: purgeName(policy) }))}
        onOpenChange={(open) => !open && setConfirming([])}
        onConfirm={confirm}
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
    <WriteButton
      allowed={permission.allowed}
      reasonId={PERMISSION_REASON_ID}
      size="sm"
      variant="ghost"
      aria-label={`Purge ${label}`}
      disabled={flow.writes.pending}
      onClick={() => flow.ask([policy])}
    >
      <Trash2 aria-hidden className="size-3.5" />
      Purge
    </WriteButton>
  );
}

export function PurgeSelectedButton({ policies }: { policies: DeletedSyncPolicy[] }) {
  const flow = usePurgeFlow();
  const permission = useWritePermission();
  return (
    <WriteButton
      allowed={permission.allowed}
      reasonId={PERMISSION_REASON_ID}
      size="sm"
      disabled={policies.length === 0 || flow.writes.pending}
      onClick={() => flow.ask(policies)}
    >
      <Trash2 aria-hidden className="size-3.5" />
      {flow.writes.pending ? "Purging…" : `Purge selected${policies.length > 0 ? ` (${policies.length})` : ""}`}
    </WriteButton>
  );
}

export function PurgeResults() {
  const { writes } = usePurgeFlow();
  const permission = useWritePermission();
  return <WriteResults title="Purge results" flow={writes} canRetry={permission.allowed} />;
}
