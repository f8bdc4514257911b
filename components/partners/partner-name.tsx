import { Building2, Info } from "lucide-react";
import type { PartnerRow } from "@/lib/models";
import { partnerDisplayName, wellKnownTenantLabel } from "@/lib/partner-display";

export function PartnerName({ partner }: { partner: Pick<PartnerRow, "tenantId" | "displayName" | "syncPolicy"> }) {
  const name = partnerDisplayName(partner);
  const wellKnown = wellKnownTenantLabel(partner.tenantId);
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1.5">
      {name ? <span className="truncate">{name}</span> : <span className="italic text-muted">Unnamed partner</span>}
      {wellKnown ? (
        <span className="inline-flex items-center gap-1 rounded border border-border px-1.5 text-xs text-muted" title="Microsoft adds this tenant when a support case needs access">
          <Info aria-hidden className="size-3" />
          {wellKnown}
        </span>
      ) : null}
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
