"use client";

import { useId, useState } from "react";
import { FileUp } from "lucide-react";
import { parseSnapshot, refuseBySize, type ParsedSnapshot } from "@/lib/snapshots/parse";
import type { SnapshotDocument } from "@/lib/snapshots/schema";
import { cn } from "@/components/ui/cn";

export interface LoadedSnapshot {
  fileName: string;
  document: SnapshotDocument;
}

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Pick or drop a snapshot file; it is read and checked here, in the browser, and never sent anywhere. */
export function SnapshotFilePicker({
  label,
  tenantId,
  loaded,
  onLoad,
}: {
  label: string;
  tenantId: string;
  loaded: LoadedSnapshot | null;
  onLoad: (snapshot: LoadedSnapshot | null) => void;
}) {
  const inputId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setRefusal(null);
    const parsed: ParsedSnapshot = refuseBySize(file.size) ?? (await parseSnapshot(await file.text(), tenantId));
    if (!parsed.ok) {
      setRefusal(parsed.message);
      onLoad(null);
      return;
    }
    onLoad({ fileName: file.name, document: parsed.document });
  };

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void read(event.dataTransfer.files[0]);
      }}
      className={cn("flex min-w-0 flex-1 flex-col gap-1.5 rounded-lg border border-dashed border-border-strong bg-surface px-4 py-3", dragging && "border-accent bg-surface-muted")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <FileUp aria-hidden className="size-4 text-muted" />
        <label htmlFor={inputId} className="font-medium">
          {label}
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void read(event.target.files?.[0])}
          className="text-[13px] file:mr-2 file:h-7 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-2.5 file:text-[13px] file:font-medium"
        />
      </div>
      {loaded ? (
        <p className="text-[13px] text-muted">
          Taken {dateTime.format(new Date(loaded.document.takenDateTime))} · {loaded.document.partners.length.toLocaleString("en-US")} partners ·{" "}
          {loaded.document.deletedPartners.length + loaded.document.deletedSyncPolicies.length} deleted items
        </p>
      ) : (
        <p className="text-[13px] text-muted">Or drop a snapshot file here. It stays in this browser.</p>
      )}
      {refusal ? (
        <p role="alert" className="text-[13px] font-medium text-danger">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
