import { CopyButton } from "./copy-button";

/** A tenant id in monospace with its copy button; the label names the id for screen readers. */
export function TenantId({ tenantId }: { tenantId: string }) {
  return (
    <span className="inline-flex items-center gap-1 font-mono text-xs">
      {tenantId}
      <CopyButton value={tenantId} label={`Copy tenant ID ${tenantId}`} />
    </span>
  );
}
