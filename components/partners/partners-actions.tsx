import Link from "next/link";
import { Trash2 } from "lucide-react";
import { AddOrganization } from "./add-organization";

/** The partners page's header actions: refresh, deleted partners, add organization. */
export function PartnersActions({ refresh }: { refresh: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {refresh}
      <Link href="/partners/deleted" className="inline-flex h-8 items-center gap-1.5 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium hover:bg-surface-muted">
        <Trash2 aria-hidden className="size-3.5" />
        Deleted partners
      </Link>
      <AddOrganization />
    </div>
  );
}
