"use client";

import Link from "next/link";
import { RotateCcw } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/models";
import { policyDisplayName } from "@/lib/partner-display";
import { purgeDate } from "@/lib/retention";
import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";
import { TriStateValue } from "@/components/partners/sync-state";
import { DaysLeft } from "./days-left";

const CELL = "px-3 py-2 text-left align-middle";

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

export function DeletedPoliciesTable({ policies, now }: { policies: DeletedSyncPolicy[]; now: Date }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Deleted identity synchronization policies, soonest purge first</caption>
        <thead className="border-b border-border bg-surface-muted text-xs text-muted">
          <tr>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Name</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Tenant ID</th>
            <th scope="col" className={`${CELL} py-1.5 font-medium`}>Deleted</th>
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
            return (
              <tr key={policy.tenantId} className="border-b border-border last:border-0 hover:bg-surface-muted/60">
                <td className={CELL}>
                  <Link href={`/partners/${policy.tenantId}`} className="font-medium text-accent hover:underline">
                    {name ?? <span className="italic">Unnamed policy</span>}
                  </Link>
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <span className="inline-flex items-center gap-1 font-mono text-xs">
                    {policy.tenantId}
                    <CopyButton value={policy.tenantId} label={`Copy tenant ID ${policy.tenantId}`} />
                  </span>
                </td>
                <td className={`${CELL} whitespace-nowrap`} title={`Purged on ${formatDate(purgeDate(policy.deletedDateTime).toISOString())}`}>
                  {formatDate(policy.deletedDateTime)}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <DaysLeft deletedDateTime={policy.deletedDateTime} now={now} />
                </td>
                <td className={CELL}>
                  <TriStateValue value={policy.userSyncAllowed} nullLabel="Not kept" />
                </td>
                <td className={`${CELL} text-right`}>
                  <Button size="sm" aria-label={`Restore ${name ?? policy.tenantId}`}>
                    <RotateCcw aria-hidden className="size-3.5" />
                    Restore
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
