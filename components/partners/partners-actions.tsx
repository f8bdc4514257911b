"use client";

import Link from "next/link";
import { Trash2 } from "lucide-react";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { ADD_ORGANIZATION_REASON_ID, AddOrganization } from "./add-organization";
import { ExportSnapshotButton } from "./export-snapshot-button";

/** The partners page's header actions: refresh, deleted partners, add organization (and why it is unavailable). */
export function PartnersActions({ refresh }: { refresh: React.ReactNode }) {
  const permission = useWritePermission();
  return (
    <div className="flex flex-col items-start gap-1.5 md:items-end">
      <div className="flex flex-wrap items-center gap-2 md:justify-end">
        {refresh}
        <ExportSnapshotButton />
        <Link href="/partners/deleted" className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium hover:bg-surface-muted">
          <Trash2 aria-hidden className="size-3.5" />
          Deleted partners
        </Link>
        <AddOrganization />
      </div>
      {!permission.allowed ? (
        <UnavailableReason id={ADD_ORGANIZATION_REASON_ID} reason={permission.reason} className="flex max-w-xl items-start gap-1.5 text-xs text-muted md:text-right" />
      ) : null}
    </div>
  );
}
