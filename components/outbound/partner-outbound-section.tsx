"use client";

import Link from "next/link";
import { SyncConsentRequiredError } from "@/lib/auth/use-sync-token";
import { SYNC_READ_DENIED } from "@/lib/outbound/access";
import { useOutboundByTenant } from "@/lib/queries/outbound";
import { toAppError } from "@/lib/queries/graph-action";
import { Section } from "@/components/ui/detail-section";
import { Skeleton } from "@/components/ui/skeleton";
import { OutboundStatusLabel } from "@/components/shared/outbound-status";

/** The other direction on the partner page: our configurations whose CompanyId is this partner's tenant. */
export function PartnerOutboundSection({ tenantId }: { tenantId: string }) {
  const outbound = useOutboundByTenant();
  const entry = outbound.byTenant.get(tenantId.toLowerCase());
  const rows = entry?.rows ?? [];
  const refused = outbound.rows.length > 0 && outbound.rows.every((row) => row.readError?.status === 403);
  let body: React.ReactNode;
  if (outbound.isError && outbound.rows.length === 0) {
    body = <p className="py-3 text-muted">{outbound.error instanceof SyncConsentRequiredError ? "Open Outbound sync to allow the dashboard to read sync configurations." : toAppError(outbound.error).status === 403 ? SYNC_READ_DENIED : "Sync configurations could not be read."}</p>;
  } else if (refused) {
    body = <p className="py-3 text-muted">{SYNC_READ_DENIED}</p>;
  } else if (rows.length === 0 && !outbound.complete) {
    body = (
      <div role="status" aria-label="Loading outbound sync" className="py-3">
        <Skeleton className="h-5 w-64" />
      </div>
    );
  } else if (rows.length === 0) {
    body = <p className="py-3 text-muted">No sync configuration of yours pushes users to this partner.</p>;
  } else {
    body = (
      <ul className="divide-y divide-border">
        {rows.map((row) => (
          <li key={row.servicePrincipalId} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
            <Link href={`/outbound/${row.servicePrincipalId}`} className="font-medium text-accent hover:underline">
              {row.displayName ?? "Unnamed configuration"}
            </Link>
            {row.status ? <OutboundStatusLabel status={row.status} /> : <Skeleton className="h-4 w-24" />}
          </li>
        ))}
      </ul>
    );
  }
  return <Section title="Outbound sync to this partner">{body}</Section>;
}
