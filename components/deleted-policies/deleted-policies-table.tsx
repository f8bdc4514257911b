"use client";

import Link from "next/link";
import { RotateCcw } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/models";
import type { RestoreOutcome } from "@/lib/writes/outcome";
import { policyDisplayName } from "@/lib/partner-display";
import { formatDate, purgeDate } from "@/lib/retention";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import { TenantId } from "@/components/ui/tenant-id";
import { Button } from "@/components/ui/button";
import { PurgeRowButton } from "./purge-flow";
import { TriStateValue } from "@/components/partners/sync-state";
import { DeletedByCell } from "@/components/audit/deleted-by";
import { DaysLeft } from "./days-left";
import { OutcomeIcon } from "./outcome-badge";
import { PERMISSION_REASON_ID } from "@/components/writes/use-write-permission";

const CELL = "px-3 py-2 text-left align-middle";


export function DeletedPoliciesTable({
  policies,
  now,
  selected,
  onSelectionChange,
  onRestore,
  canRestore,
  restoring,
  outcomes,
  messageContext,
}: {
  policies: DeletedSyncPolicy[];
  now: Date;
  selected: Set<string>;
  onSelectionChange: (next: Set<string>) => void;
  onRestore: (policy: DeletedSyncPolicy) => void;
  canRestore: boolean;
  /** A restore is on its way: every Restore button waits for it. */
  restoring: boolean;
  outcomes: Map<string, RestoreOutcome>;
  messageContext: OutcomeContext;
}) {
  const visibleIds = policies.map((policy) => policy.tenantId);
  const selectedVisible = visibleIds.filter((id) => selected.has(id)).length;
  const allSelected = policies.length > 0 && selectedVisible === policies.length;

  function toggleAll() {
    const next = new Set(selected);
    if (allSelected) visibleIds.forEach((id) => next.delete(id));
    else visibleIds.forEach((id) => next.add(id));
    onSelectionChange(next);
  }

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectionChange(next);
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Deleted identity synchronization policies, soonest purge first</caption>
        <thead className="border-b border-border bg-surface-muted text-xs text-muted">
          <tr>
            <th scope="col" className={`${CELL} w-8 py-1.5`}>
              <input
                type="checkbox"
                aria-label="Select all shown policies"
                checked={allSelected}
                ref={(input) => {
                  if (input) input.indeterminate = selectedVisible > 0 && !allSelected;
                }}
                onChange={toggleAll}
                className="size-4 accent-[var(--accent)]"
              />
            </th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Name</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Tenant ID</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Deleted</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Deleted by</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Days left</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Inbound user sync kept</th>
            <th scope="col" className={`${CELL} py-1.5 text-right font-medium`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {policies.map((policy) => {
            const name = policyDisplayName(policy);
            const label = name ?? policy.tenantId;
            const outcome = outcomes.get(policy.tenantId.toLowerCase());
            const message = outcome ? describeWriteOutcome(outcome, messageContext) : null;
            return (
              <tr key={policy.tenantId} className="border-b border-border last:border-0 hover:bg-surface-muted/60">
                <td className={CELL}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${label}`}
                    checked={selected.has(policy.tenantId)}
                    onChange={() => toggle(policy.tenantId)}
                    className="size-4 accent-[var(--accent)]"
                  />
                </td>
                <td className={CELL}>
                  <Link href={`/partners/${policy.tenantId}`} className="font-medium text-accent hover:underline">
                    {name ?? <span className="italic">Unnamed policy</span>}
                  </Link>
                  {message && outcome ? (
                    <p role="alert" className="mt-0.5 flex items-start gap-1 text-xs text-muted">
                      <OutcomeIcon tone={message.tone} />
                      <span>
                        <strong className="text-fg">{message.label}.</strong> {message.detail}
                        {outcome.kind === "conflict" ? (
                          <>
                            {" "}
                            <Link href={`/partners/${policy.tenantId}`} className="text-accent hover:underline">
                              View the live policy
                            </Link>
                          </>
                        ) : null}
                      </span>
                    </p>
                  ) : null}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <TenantId tenantId={policy.tenantId} />
                </td>
                <td className={`${CELL} whitespace-nowrap`} title={`Purged on ${formatDate(purgeDate(policy.deletedDateTime)?.toISOString() ?? null)}`}>
                  {formatDate(policy.deletedDateTime)}
                </td>
                <td className={CELL}>
                  <DeletedByCell tenantId={policy.tenantId} />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <DaysLeft deletedDateTime={policy.deletedDateTime} now={now} />
                </td>
                <td className={CELL}>
                  <TriStateValue value={policy.userSyncAllowed} nullLabel="Not kept" />
                </td>
                <td className={`${CELL} text-right`}>
                  <Button
                    size="sm"
                    aria-label={`Restore ${label}`}
                    unavailable={!canRestore}
                    disabled={restoring}
                    aria-describedby={canRestore ? undefined : PERMISSION_REASON_ID}
                    onClick={() => onRestore(policy)}
                  >
                    <RotateCcw aria-hidden className="size-3.5" />
                    Restore
                  </Button>
                  <PurgeRowButton policy={policy} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
