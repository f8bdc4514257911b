"use client";

import Link from "next/link";
import { RotateCcw } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { policyDisplayName } from "@/lib/partners/display";
import { formatDate, purgeDate } from "@/lib/deleted/retention";
import { describeWriteOutcome, sendingMessage, type OutcomeContext } from "@/lib/writes/messages";
import { TenantId } from "@/components/ui/tenant-id";
import { Button } from "@/components/ui/button";
import { PurgeRowButton } from "./purge-flow";
import { TriStateValue } from "@/components/shared/sync-state";
import { DeletedByCell } from "@/components/shared/deleted-by";
import { DaysLeft } from "@/components/shared/days-left";
import { SelectAllShown } from "@/components/shared/deleted-items";
import { toggleAllShown, toggleSelected } from "@/components/shared/use-persistent-selection";
import { OutcomeIcon } from "@/components/writes/outcome-icon";
import { SpacerRow, STACKED_CELL, STACKED_TABLE, useVirtualRows, VirtualRow } from "@/components/ui/virtual-rows";
import { PERMISSION_REASON_ID } from "@/components/writes/use-write-permission";

const CELL = "px-3 py-2 text-left align-middle";
const COLUMN_COUNT = 8;


export function DeletedPoliciesTable({
  policies,
  now,
  selected,
  onSelectionChange,
  onRestore,
  canRestore,
  restoring,
  onTheirWay,
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
  /** Rows a restore is taking out of the list (lower-case tenant ids): marked until Graph answers. */
  onTheirWay: ReadonlySet<string>;
  outcomes: Map<string, WriteOutcome>;
  messageContext: OutcomeContext;
}) {
  const visibleIds = policies.map((policy) => policy.tenantId);
  const selectedVisible = visibleIds.filter((id) => selected.has(id)).length;

  const { setListElement, onFocusCapture, items, paddingTop, paddingBottom, measureElement } = useVirtualRows({ count: policies.length, estimateSize: 45 });
  const cell = `${CELL} ${STACKED_CELL}`;

  return (
    <div ref={setListElement} onFocusCapture={onFocusCapture} className="rounded-lg border border-border bg-surface">
      <table aria-rowcount={policies.length + 1} className={`w-full border-collapse text-sm ${STACKED_TABLE}`}>
        <caption className="sr-only">Deleted identity synchronization policies, soonest purge first</caption>
        <thead className="sticky top-12 z-10 border-b border-border bg-surface-muted text-xs text-muted shadow-[0_1px_0_var(--border)] max-md:static max-md:block max-md:border-b">
          <tr aria-rowindex={1} className="max-md:flex max-md:items-center">
            <th scope="col" className={`${CELL} w-8 py-1.5 max-md:w-auto`}>
              <SelectAllShown label="Select all shown policies" shown={policies.length} selected={selectedVisible} onToggle={() => onSelectionChange(toggleAllShown(selected, visibleIds))} />
            </th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Name</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Tenant ID</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Deleted</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Deleted by</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Days left</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>User sync once restored</th>
            <th scope="col" className={`${CELL} py-1.5 text-right font-medium max-md:sr-only`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          <SpacerRow height={paddingTop} columns={COLUMN_COUNT} />
          {items.map((item) => {
            const policy = policies[item.index]!;
            const name = policyDisplayName(policy);
            const label = name ?? policy.tenantId;
            // A row on its way says so; an earlier outcome (throttled before this resend) no longer holds. One being checked says that.
            const pending = onTheirWay.has(policy.tenantId.toLowerCase());
            const found = outcomes.get(policy.tenantId.toLowerCase());
            const outcome = pending && found?.kind !== "checking" ? undefined : found;
            const message = outcome ? describeWriteOutcome(outcome, messageContext) : pending ? sendingMessage("restore-sync-policy") : null;
            return (
              <VirtualRow key={policy.tenantId} index={item.index} measureElement={measureElement}>
                <td className={`${CELL} max-md:float-left max-md:pr-0`}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${label}`}
                    checked={selected.has(policy.tenantId)}
                    onChange={() => onSelectionChange(toggleSelected(selected, policy.tenantId))}
                    className="size-4 accent-[var(--accent)]"
                  />
                </td>
                <td data-label="Name" className={`${CELL} max-md:block`}>
                  <Link href={`/partners/${policy.tenantId}`} className="font-medium text-accent hover:underline">
                    {name ?? <span className="italic">Unnamed policy</span>}
                  </Link>
                  {message ? (
                    <p role={outcome ? "alert" : "status"} className="mt-0.5 flex items-start gap-1 text-xs text-muted">
                      <OutcomeIcon tone={message.tone} />
                      <span>
                        <strong className="text-fg">{message.label}.</strong> {message.detail}
                        {outcome?.kind === "conflict" ? (
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
                <td data-label="Tenant ID" className={`${cell} whitespace-nowrap max-md:whitespace-normal max-md:break-all`}>
                  <TenantId tenantId={policy.tenantId} />
                </td>
                <td data-label="Deleted" className={`${cell} whitespace-nowrap`} title={`Purged on ${formatDate(purgeDate(policy.deletedDateTime)?.toISOString() ?? null)}`}>
                  {formatDate(policy.deletedDateTime)}
                </td>
                <td data-label="Deleted by" className={cell}>
                  <DeletedByCell tenantId={policy.tenantId} />
                </td>
                <td data-label="Days left" className={`${cell} whitespace-nowrap`}>
                  <DaysLeft deletedDateTime={policy.deletedDateTime} now={now} />
                </td>
                <td data-label="User sync once restored" className={cell}>
                  <TriStateValue value={policy.userSyncAllowed} nullLabel="Blocked (not set)" />
                </td>
                <td className={`${CELL} whitespace-nowrap text-right max-md:block max-md:text-left`}>
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
              </VirtualRow>
            );
          })}
          <SpacerRow height={paddingBottom} columns={COLUMN_COUNT} />
        </tbody>
      </table>
    </div>
  );
}
