"use client";

import Link from "next/link";
import { Building2, Loader2 } from "lucide-react";
import type { PartnerRow } from "@/lib/core/models";
import { useTenantByDomain } from "@/lib/queries/tenant-information";
import { toAppError } from "@/lib/queries/graph-action";

/**
 * When a search for a domain matches no row: whose domain it is, from tenant information (any
 * verified domain, such as fabrikam.com, not only the default one the rows show), and whether
 * that tenant is a partner already.
 */
export function DomainLookup({ domain, partners }: { domain: string; partners: readonly PartnerRow[] }) {
  const lookup = useTenantByDomain(domain);
  if (lookup.isPending) {
    return (
      <p role="status" className="inline-flex items-center gap-1.5 text-muted">
        <Loader2 aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
        Looking up who uses {domain}…
      </p>
    );
  }
  if (lookup.isError) {
    const error = toAppError(lookup.error);
    return (
      <p role="status" className="text-muted">
        {domain} could not be looked up: {error.message}
        {error.requestId ? ` Request ID: ${error.requestId}` : ""}
      </p>
    );
  }
  const tenant = lookup.data;
  if (!tenant) return <p role="status" className="text-muted">No Microsoft Entra tenant uses {domain} as a verified domain.</p>;
  const name = tenant.displayName ?? tenant.tenantId;
  const partner = partners.some((row) => row.tenantId.toLowerCase() === tenant.tenantId.toLowerCase());
  return (
    <div role="status" className="flex flex-col items-center gap-1">
      <p className="inline-flex items-center gap-1.5">
        <Building2 aria-hidden className="size-4 text-muted" />
        {domain} is a verified domain of <strong>{name}</strong>
        {partner ? ", a partner." : ", which is not a partner."}
      </p>
      {partner ? (
        <Link href={`/partners/${tenant.tenantId}`} className="font-medium text-accent hover:underline">
          Open {name}
        </Link>
      ) : (
        <p className="font-mono text-xs text-muted">{tenant.tenantId}</p>
      )}
    </div>
  );
}
