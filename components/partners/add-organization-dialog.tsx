"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { Building2, Info, Plus, Search } from "lucide-react";
import type { TenantInformation } from "@/lib/core/models";
import { useTenantLookup } from "@/lib/queries/tenant-information";
import { useIsPartner } from "@/lib/queries/partners";
import { isDomainName, isTenantId } from "@/lib/core/tenant-id";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { toAppError } from "@/lib/queries/graph-action";

/** `partner`: the tenant is already a partner (null when that could not be read: Graph decides on add). */
type Lookup =
  | { state: "idle" }
  | { state: "looking" }
  | { state: "found"; tenant: TenantInformation; partner: boolean | null }
  | { state: "none" }
  | { state: "error"; message: string };

/** The Add organization dialog: resolve a tenant id or domain, show who it is, then confirm. Loaded on first open. */
export default function AddOrganizationDialog({
  open,
  onOpenChange,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (tenant: TenantInformation) => void;
}) {
  const [input, setInput] = useState("");
  const [lookup, setLookup] = useState<Lookup>({ state: "idle" });
  const [shownFor, setShownFor] = useState(open);
  const find = useTenantLookup();
  const isPartner = useIsPartner();
  const inputId = useId();
  const hintId = useId();
  const value = input.trim();
  const wellFormed = isTenantId(value) || isDomainName(value);

  // Each opening starts empty.
  if (open !== shownFor) {
    setShownFor(open);
    if (open) {
      setInput("");
      setLookup({ state: "idle" });
    }
  }

  const resolve = async () => {
    if (!wellFormed) return;
    setLookup({ state: "looking" });
    try {
      const tenant = await find(value);
      if (!tenant) {
        setLookup({ state: "none" });
        return;
      }
      // Recognised before anything is sent, also when the input was one of its domains.
      const partner = await isPartner(tenant.tenantId).catch(() => null);
      setLookup({ state: "found", tenant, partner });
    } catch (error) {
      const appError = toAppError(error);
      setLookup({ state: "error", message: `${appError.message}${appError.requestId ? ` Request ID: ${appError.requestId}` : ""}` });
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Add organization" description={<p>Add a partner organization by its tenant ID or one of its domain names.</p>}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (lookup.state === "found") {
              if (lookup.partner !== true) onConfirm(lookup.tenant);
            } else void resolve();
          }}
          className="space-y-3"
        >
          <div className="space-y-1">
            <label htmlFor={inputId} className="text-[13px] font-medium">
              Tenant ID or domain name
            </label>
            <div className="flex gap-2">
              <input
                id={inputId}
                value={input}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={hintId}
                placeholder="contoso.onmicrosoft.com"
                onChange={(event) => {
                  setInput(event.target.value);
                  setLookup({ state: "idle" });
                }}
                className="h-8 min-w-0 flex-1 rounded-md border border-border-strong bg-surface px-2 text-sm"
              />
              <Button type="submit" disabled={!wellFormed || lookup.state === "looking" || lookup.state === "found"}>
                <Search aria-hidden className="size-3.5" />
                {lookup.state === "looking" ? "Looking up…" : "Look up"}
              </Button>
            </div>
            <p id={hintId} role="status" className="min-h-5 text-xs text-muted">
              {value && !wellFormed ? "Enter a tenant ID (GUID) or a domain name such as contoso.onmicrosoft.com." : null}
              {lookup.state === "none" ? `No Microsoft Entra tenant was found for ${value}.` : null}
              {lookup.state === "error" ? `The lookup failed. ${lookup.message}` : null}
            </p>
          </div>
          {lookup.state === "found" ? (
            <div className="flex items-start gap-3 rounded-md border border-border bg-surface-muted p-3 text-[13px]">
              <Building2 aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
              <dl className="grid grid-cols-[110px_1fr] gap-x-2 gap-y-0.5">
                <dt className="text-muted">Name</dt>
                <dd className="font-medium">{lookup.tenant.displayName ?? <span className="italic text-muted">Not published</span>}</dd>
                <dt className="text-muted">Default domain</dt>
                <dd>{lookup.tenant.defaultDomainName ?? "—"}</dd>
                <dt className="text-muted">Tenant ID</dt>
                <dd className="font-mono text-xs">{lookup.tenant.tenantId}</dd>
              </dl>
            </div>
          ) : null}
          {lookup.state === "found" && lookup.partner === true ? (
            <p role="status" className="flex items-start gap-2 text-[13px]">
              <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent" />
              <span>
                <strong>{lookup.tenant.displayName ?? lookup.tenant.tenantId}</strong> is already a partner.{" "}
                <Link href={`/partners/${lookup.tenant.tenantId}`} onClick={() => onOpenChange(false)} className="font-medium text-accent hover:underline">
                  Open {lookup.tenant.displayName ?? "the partner"}
                </Link>
              </span>
            </p>
          ) : null}
          <p className="text-[13px] text-muted">The new partner inherits every setting from your default policy. Sync is set up separately.</p>
          <DialogActions className="mt-0 pt-2">
            <Button
              variant="primary"
              disabled={lookup.state !== "found" || lookup.partner === true}
              onClick={() => {
                if (lookup.state === "found" && lookup.partner !== true) onConfirm(lookup.tenant);
              }}
            >
              <Plus aria-hidden className="size-3.5" />
              Add organization
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}
