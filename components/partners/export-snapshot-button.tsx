"use client";

import { useState } from "react";
import { AlertTriangle, FileJson } from "lucide-react";
import { useTakeSnapshot } from "@/lib/queries/snapshots";
import type { SnapshotProgress } from "@/lib/snapshots/collect";
import { Button } from "@/components/ui/button";
import { describeError } from "@/components/feedback/graph-error-panel";
import { toAppError } from "@/lib/queries/graph-action";

const count = new Intl.NumberFormat("en-US");

function saveJson(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Reads the whole configuration (the same streamed reads as the views) and saves it as a snapshot file; nothing leaves the browser but the reads. */
export function ExportSnapshotButton() {
  const takeSnapshot = useTakeSnapshot();
  const [progress, setProgress] = useState<SnapshotProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const exportSnapshot = async () => {
    setFailure(null);
    setProgress({ partners: 0, deletedPartners: 0, deletedSyncPolicies: 0, names: 0 });
    try {
      const document = await takeSnapshot(setProgress);
      const { snapshotFileName, snapshotText } = await import("@/lib/snapshots/build");
      saveJson(snapshotFileName(document), snapshotText(document));
    } catch (error) {
      const appError = toAppError(error);
      setFailure(`${describeError(appError).title}. ${appError.requestId ? `Request ID: ${appError.requestId}` : ""}`.trim());
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="flex items-center gap-2">
      {progress ? (
        <p role="status" className="text-xs text-muted">
          Exporting snapshot… {count.format(progress.partners)} partners, {count.format(progress.deletedPartners + progress.deletedSyncPolicies)} deleted items,{" "}
          {count.format(progress.names)} names
        </p>
      ) : failure ? (
        <p role="alert" className="flex items-center gap-1 text-xs text-danger">
          <AlertTriangle aria-hidden className="size-3.5" />
          Export failed: {failure}
        </p>
      ) : null}
      <Button size="md" onClick={() => void exportSnapshot()} disabled={progress !== null}>
        <FileJson aria-hidden className="size-3.5" />
        Export snapshot
      </Button>
    </div>
  );
}
