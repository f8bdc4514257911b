"use client";

import { Building2, Info } from "lucide-react";
import type { PartnerRow } from "@/lib/core/models";
import { partnerDisplayName, wellKnownTenantLabel } from "@/lib/partners/display";
import { useTenantInformation } from "@/lib/queries/tenant-information";

/** The tenant's own name and domain (tenant information), else the configured names, else "Unnamed partner". */
export function PartnerName({ partner, showDomain = false }: { partner: Pick<PartnerRow, "tenantId" | "displayName" | "syncPolicy">; showDomain?: boolean }) {
  const info = useTenantInformation(partner.tenantId);
  const name = info?.displayName ?? partnerDisplayName(partner);
  const wellKnown = wellKnownTenantLabel(partner.tenantId);
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-x-1.5">
      {name ? <span className="truncate">{name}</span> : <span className="italic text-muted">Unnamed partner</span>}
      {wellKnown ? (
        <span className="inline-flex items-center gap-1 rounded border border-border px-1.5 text-xs font-normal text-muted" title="Microsoft adds this tenant when a support case needs access">
          <Info aria-hidden className="size-3" />
          {wellKnown}
        </span>
      ) : null}
      {showDomain && info?.defaultDomainName ? <span className="basis-full truncate text-xs font-normal text-muted">{info.defaultDomainName}</span> : null}
    </span>
  );
}

export function PartnerAvatar() {
  return (
    <span aria-hidden className="grid size-6 shrink-0 place-items-center rounded bg-surface-muted text-muted">
      <Building2 className="size-3.5" />
    </span>
  );
}

/** The name to use in sentences about this partner; null for an unnamed one. */
export function usePartnerName(partner: Pick<PartnerRow, "tenantId" | "displayName" | "syncPolicy">): string | null {
  const info = useTenantInformation(partner.tenantId);
  return info?.displayName ?? partnerDisplayName(partner) ?? wellKnownTenantLabel(partner.tenantId);
}
