"use client";

import { Download } from "lucide-react";
import type { DeletedSyncPolicy, PartnerRow } from "@/lib/core/models";
import { downloadCsv } from "@/lib/browser/download-csv";
import { Button } from "@/components/ui/button";

async function exportCsv(partners: PartnerRow[], deletedByTenant: ReadonlyMap<string, DeletedSyncPolicy>) {
  // The CSV writer loads on the first export, not with the Partners page.
  const { toPartnersCsv } = await import("@/lib/partners/csv");
  downloadCsv(`cross-tenant-partners-${new Date().toISOString().slice(0, 10)}.csv`, toPartnersCsv(partners, deletedByTenant));
}

/** Downloads what the table shows (filter and order included); built in the browser, no extra Graph call. */
export function ExportCsvButton({ partners, deletedByTenant }: { partners: PartnerRow[]; deletedByTenant: ReadonlyMap<string, DeletedSyncPolicy> }) {
  return (
    <Button size="sm" onClick={() => void exportCsv(partners, deletedByTenant)} disabled={partners.length === 0}>
      <Download aria-hidden className="size-3.5" />
      Export CSV
    </Button>
  );
}
