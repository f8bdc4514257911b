"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CheckCircle2, Loader2 } from "lucide-react";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { usePutBack, useTakeSnapshot } from "@/lib/queries/snapshots";
import type { SnapshotProgress } from "@/lib/snapshots/collect";
import { CHANGE_KINDS, compareSnapshots, countByKind, type Difference } from "@/lib/snapshots/compare";
import { planPutBack, type PutBackRow } from "@/lib/snapshots/plan";
import type { SnapshotDocument } from "@/lib/snapshots/schema";
import { filterDifferences, parseSnapshotView, toSnapshotViewParams, type SnapshotView } from "@/lib/snapshots/view";
import { useUrlState } from "@/lib/browser/use-url-state";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { useWriteRun } from "@/components/writes/use-write-run";
import { WriteResults } from "@/components/writes/write-results";
import { cn } from "@/components/ui/cn";
import { ChangeKindLabel, DifferencesTable } from "./differences-table";
import { PutBackPanel } from "./put-back-panel";
import { SnapshotFilePicker, type LoadedSnapshot } from "./snapshot-file-picker";

const count = new Intl.NumberFormat("en-US");
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Only what the put-back can write is offered for selection. */
const canPutBack = (difference: Difference) => difference.subject !== "setting" || difference.setting?.scope === "partner" || difference.setting?.scope === "sync-policy";

export function SnapshotsView() {
  const { tenantId } = useAuthConfig();
  const [view, updateView] = useUrlState<SnapshotView>(parseSnapshotView, toSnapshotViewParams);
  const [first, setFirst] = useState<LoadedSnapshot | null>(null);
  const [second, setSecond] = useState<LoadedSnapshot | null>(null);
  const [live, setLive] = useState<SnapshotDocument | null>(null);
  const [reading, setReading] = useState<SnapshotProgress | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** Rows on their way (sent, or throttled and waiting for their resend), by tenant id: not offered for selection meanwhile. */
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const takeSnapshot = useTakeSnapshot();
  const abort = useRef<AbortController | null>(null);

  const readNow = useCallback(async (): Promise<SnapshotDocument> => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setReadError(null);
    setReading({ partners: 0, deletedPartners: 0, deletedSyncPolicies: 0, names: 0 });
    try {
      const document = await takeSnapshot((progress) => !controller.signal.aborted && setReading(progress), controller.signal);
      if (!controller.signal.aborted) setLive(document);
      return document;
    } catch (error) {
      if (!controller.signal.aborted) setReadError(error);
      throw error;
    } finally {
      if (!controller.signal.aborted) setReading(null);
    }
  }, [takeSnapshot]);
  useEffect(() => () => abort.current?.abort(), []);

  const comparingNow = view.against === "now";
  // The live configuration is read when a snapshot is picked to compare with now, or "now" is picked for one.
  const loadFirst = (snapshot: LoadedSnapshot | null) => {
    setFirst(snapshot);
    setSelected(new Set());
    if (snapshot && comparingNow && !reading) void readNow().catch(() => undefined);
  };
  const compareWith = (against: SnapshotView["against"]) => {
    updateView({ against });
    if (against === "now" && first && !live && !reading) void readNow().catch(() => undefined);
  };

  const after = comparingNow ? live : (second?.document ?? null);
  const differences = useMemo(() => (first && after ? compareSnapshots(first.document, after) : null), [first, after]);
  const shown = useMemo(() => (differences ? filterDifferences(differences, view) : []), [differences, view]);
  const counts = differences ? countByKind(differences) : null;

  const selectable = useCallback((difference: Difference) => canPutBack(difference) && !sent.has(difference.tenantId), [sent]);
  const chosen = useMemo(() => (differences ?? []).filter((difference) => selected.has(difference.id) && selectable(difference)), [differences, selected, selectable]);
  const plan = useMemo(() => (first && chosen.length > 0 ? planPutBack(first.document, chosen) : []), [first, chosen]);

  const putBack = usePutBack();
  const run = useWriteRun<PutBackRow>({
    write: "put-back-snapshot",
    send: (rows) => putBack.mutateAsync({ rows }),
    tenantIdOf: (row) => row.tenantId,
    nameOf: (row) => row.name ?? row.tenantId,
    stillToDo: async () => {
      const now = await readNow();
      return new Set(first ? compareSnapshots(first.document, now).map((difference) => difference.tenantId) : []);
    },
    onSettled: (outcomes) => {
      // A throttled row waits for its resend: it is not offered again meanwhile.
      const answered = new Set(outcomes.filter((outcome) => outcome.kind !== "throttled").map((outcome) => outcome.tenantId.toLowerCase()));
      setSent((previous) => new Set([...previous].filter((tenantId) => !answered.has(tenantId))));
      void readNow().catch(() => undefined);
    },
  });

  const apply = (rows: PutBackRow[]) => {
    setSent((previous) => new Set([...previous, ...rows.map((row) => row.tenantId)]));
    setSelected(new Set());
    void run.start(rows);
  };

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <div className="space-y-4">
      <PageHeader
        title="Snapshots"
        description="Compare a snapshot of the cross-tenant configuration with now or with another snapshot, and put back what changed. Files are read in this browser and never uploaded."
      />
      <div className="flex flex-col gap-3 md:flex-row">
        <SnapshotFilePicker label="Snapshot" tenantId={tenantId} loaded={first} onLoad={loadFirst} />
        <div className="flex min-w-0 flex-1 flex-col gap-2 rounded-lg border border-border bg-surface px-4 py-3">
          <fieldset className="flex flex-wrap items-center gap-4">
            <legend className="sr-only">Compare with</legend>
            <span className="font-medium">Compare with</span>
            {(["now", "file"] as const).map((against) => (
              <label key={against} className="inline-flex items-center gap-1.5">
                <input type="radio" name="against" checked={view.against === against} onChange={() => compareWith(against)} />
                {against === "now" ? "Now (read from Microsoft Graph)" : "A later snapshot file"}
              </label>
            ))}
          </fieldset>
          {comparingNow ? (
            reading ? (
              <p role="status" className="flex items-center gap-1.5 text-[13px] text-muted">
                <Loader2 aria-hidden className="size-3.5 animate-spin motion-reduce:animate-none" />
                Reading now… {count.format(reading.partners)} partners, {count.format(reading.deletedPartners + reading.deletedSyncPolicies)} deleted items
              </p>
            ) : live ? (
              <p className="text-[13px] text-muted">Read {dateTime.format(new Date(live.takenDateTime))}.</p>
            ) : (
              <p className="text-[13px] text-muted">Pick a snapshot: the configuration is read from Graph as it is now.</p>
            )
          ) : (
            <SnapshotFilePicker label="Later snapshot" tenantId={tenantId} loaded={second} onLoad={setSecond} />
          )}
        </div>
      </div>

      {readError ? <GraphErrorPanel error={readError} context="Reading the configuration now" onRetry={() => void readNow().catch(() => undefined)} /> : null}

      {differences && counts ? (
        <section aria-label="Differences" className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="mr-2 font-semibold">
              {differences.length === 0 ? (
                <span className="inline-flex items-center gap-1.5">
                  <CheckCircle2 aria-hidden className="size-4 text-ok" />
                  No differences
                </span>
              ) : (
                `${count.format(differences.length)} ${differences.length === 1 ? "difference" : "differences"}`
              )}
            </h2>
            <div role="group" aria-label="Show kinds of change" className="flex flex-wrap gap-1.5">
              {CHANGE_KINDS.map((kind) => {
                const on = view.kinds.includes(kind);
                return (
                  <button
                    key={kind}
                    type="button"
                    aria-pressed={on}
                    onClick={() => updateView({ kinds: on ? view.kinds.filter((k) => k !== kind) : [...view.kinds, kind] })}
                    className={cn("inline-flex h-7 items-center gap-1.5 rounded-md border px-2.5 text-[13px]", on ? "border-accent bg-surface-muted font-medium" : "border-border-strong bg-surface")}
                  >
                    <ChangeKindLabel kind={kind} />
                    <span className="tabular-nums text-muted">{counts[kind]}</span>
                  </button>
                );
              })}
            </div>
            <div className="ml-auto">
              <SearchInput label="Search differences" value={view.query} onChange={(query) => updateView({ query })} placeholder="Search by name, tenant ID or setting" />
            </div>
          </div>
          {shown.length > 0 ? (
            <DifferencesTable differences={shown} selected={selected} selectable={comparingNow ? selectable : null} onToggle={toggle} onToggleAll={toggleAll} />
          ) : differences.length > 0 ? (
            <p className="text-muted">No difference matches the filter.</p>
          ) : null}
        </section>
      ) : null}

      {comparingNow && plan.length > 0 ? <PutBackPanel rows={plan} busy={run.pending} onApply={apply} /> : null}
      <WriteResults title="Put-back results" flow={run} canRetry linkToPartner />
    </div>
  );
}
