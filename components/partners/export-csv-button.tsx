"use client";

import { Download } from "lucide-react";
import type { PartnerRow } from "@/lib/models";
import { toPartnersCsv } from "@/lib/partners/csv";
import { Button } from "@/components/ui/button";

/** Downloads what the table shows (filter and order included); built in the browser, no extra Graph call. */
export function ExportCsvButton({ partners }: { partners: PartnerRow[] }) {
  function download() {
    const blob = new Blob([toPartnersCsv(partners)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `cross-tenant-partners-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Button size="sm" onClick={download} disabled={partners.length === 0}>
      <Download aria-hidden className="size-3.5" />
      Export CSV
    </Button>
  );
}
