"use client";

import { createContext, useContext, useMemo } from "react";
import { actorDetail, actorName } from "@/lib/audit/describe";
import { matchDeletions, type DeletionKind } from "@/lib/audit/deleted-by";
import type { AuditEntry } from "@/lib/audit/types";
import { entriesOf, useDeletedByEntries } from "@/lib/queries/audit";
import { formatDate } from "@/lib/deleted/retention";
import { AuditStatus, RETENTION_NOTE } from "./audit-status";
import { retryAuditRead } from "./retry-audit-read";

interface DeletedByState {
  matches: Map<string, AuditEntry>;
  /** Every page of the query has been read. */
  complete: boolean;
  unavailable: boolean;
}

const DeletedByContext = createContext<DeletedByState | null>(null);

/**
 * Reads who deleted the given rows (sync policies, or partners with kind
 * "partner-deleted") with one filtered audit query (deletions in one time window
 * covering every row, its pages followed) and shares it with the cells.
 */
export function DeletedByProvider({
  policies,
  kind = "sync-deleted",
  children,
}: {
  policies: readonly { tenantId: string; deletedDateTime: string }[];
  kind?: DeletionKind;
  children: React.ReactNode;
}) {
  const query = useDeletedByEntries(policies, kind);
  const entries = useMemo(() => entriesOf(query.data), [query.data]);
  const matches = useMemo(() => matchDeletions(policies, entries, kind), [policies, entries, kind]);
  const state = useMemo(
    () => ({ matches, complete: query.isSuccess && !query.hasNextPage, unavailable: query.isError }),
    [matches, query.isSuccess, query.hasNextPage, query.isError],
  );
  return (
    <DeletedByContext.Provider value={state}>
      {query.isError ? (
        <div className="mb-3">
          <AuditStatus error={query.error} onRetry={() => retryAuditRead(query)} compact subject={kind === "partner-deleted" ? "Who deleted each partner" : "Who deleted each policy"} />
        </div>
      ) : null}
      {children}
    </DeletedByContext.Provider>
  );
}

export function DeletedByCell({ tenantId }: { tenantId: string }) {
  const state = useContext(DeletedByContext);
  const entry = state?.matches.get(tenantId.toLowerCase());
  if (entry) {
    return (
      <div className="leading-tight">
        <span>{actorName(entry.actor)}</span>
        {entry.actor.kind === "user" && actorDetail(entry.actor) !== actorName(entry.actor) ? <div className="break-all text-xs text-muted">{actorDetail(entry.actor)}</div> : null}
        <div className="text-xs text-muted">{formatDate(entry.activityDateTime || null, true)}</div>
      </div>
    );
  }
  if (!state || state.unavailable) return <span className="text-muted">Not available</span>;
  if (!state.complete) return <span className="text-muted">Looking up…</span>;
  return (
    <span className="text-muted" title={RETENTION_NOTE}>
      Not in the audit log
    </span>
  );
}
