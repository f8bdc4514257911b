"use client";

/**
 * Audit log queries. Every request takes a slot in the tab's budget first (5 per
 * 10 s), pages are infinite-query pages so a throttled "Older changes" keeps what
 * was read, and a write anywhere in the tab marks audit views stale.
 */
import { useEffect, useMemo } from "react";
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { listAuditEntries, type AuditCursorInput } from "@/lib/actions/audit";
import type { ActivityFilters } from "@/lib/audit/activity-filters";
import type { ChangeKind } from "@/lib/audit/activities";
import { deletionWindow, type DeletionKind, type DeletionWindow } from "@/lib/audit/deleted-by";
import { RETENTION_DAYS } from "@/lib/deleted/retention";
import type { AuditPage } from "@/lib/audit/types";
import type { Result } from "@/lib/core/result";
import { useAuditToken } from "@/lib/auth/use-audit-token";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";
import { GraphActionError } from "./graph-action";
import { auditBudget, type RequestBudget } from "./audit-budget";

const DAY_MS = 86_400_000;
/** Pages a view reads on its own (to fill a filtered list or finish "deleted by") before waiting for a click. */
export const AUTO_PAGES = 5;

export const auditKeys = {
  all: (accountId: string) => ["graph", accountId, "audit"] as const,
  partner: (accountId: string, tenantId: string) => ["graph", accountId, "audit", "partner", tenantId.toLowerCase()] as const,
  activity: (accountId: string, filters: ActivityFilters) => ["graph", accountId, "audit", "activity", filters] as const,
  deletedBy: (accountId: string, window: DeletionWindow | null, kind: DeletionKind = "sync-deleted") =>
    ["graph", accountId, "audit", "deleted-by", kind, window?.since ?? "", window?.until ?? ""] as const,
};

/** Calls the audit action inside the budget; one silent renewal after a 401; a 429 closes the budget for its Retry-After. */
export async function callAuditAction<T>(
  getToken: GetGraphToken,
  action: (token: string) => Promise<Result<T>>,
  signal?: AbortSignal,
  budget: RequestBudget = auditBudget,
): Promise<T> {
  let token = await getToken();
  await budget.take(signal);
  let result = await action(token);
  if (!result.ok && result.error.status === 401) {
    token = await getToken({ forceRefresh: true });
    await budget.take(signal);
    result = await action(token);
  }
  if (!result.ok) {
    if (result.error.status === 429) budget.closeFor(result.error.retryAfterSeconds ?? 10);
    throw new GraphActionError(result.error);
  }
  return result.data;
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

function useAuditPages(queryKey: readonly unknown[], firstCursor: (() => AuditCursorInput) | null, kind: ChangeKind | null = null) {
  const { account, getToken } = useAuditToken();
  return useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      callAuditAction(
        getToken,
        (token) => listAuditEntries(token, pageParam ? { nextLink: pageParam, kind } : firstCursor!()),
        signal,
      ),
    getNextPageParam: (last: AuditPage) => last.nextLink ?? undefined,
    enabled: account !== null && firstCursor !== null,
    retry: false,
  });
}

/** Marks every audit view of this account stale after any write in the tab succeeds. */
function useRefreshAfterWrites() {
  const queryClient = useQueryClient();
  const { account } = useAuditToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === "updated" && event.action.type === "success") void queryClient.invalidateQueries({ queryKey: auditKeys.all(accountId) });
      }),
    [queryClient, accountId],
  );
}

export function usePartnerTimeline(tenantId: string) {
  const { account } = useAuditToken();
  useRefreshAfterWrites();
  const id = tenantId.toLowerCase();
  return useAuditPages(auditKeys.partner(account?.homeAccountId ?? "signed-out", id), () => ({
    query: { since: isoDaysAgo(RETENTION_DAYS), partnerTenantId: id },
  }));
}

export function useActivity(filters: ActivityFilters) {
  const { account } = useAuditToken();
  useRefreshAfterWrites();
  const query = useAuditPages(
    auditKeys.activity(account?.homeAccountId ?? "signed-out", filters),
    () => ({ query: { since: isoDaysAgo(filters.days), partnerTenantId: filters.partner, initiatedByUpn: filters.person, initiatedByUpnStart: filters.personStart, kind: filters.kind } }),
    filters.kind,
  );
  const shown = query.data?.pages.reduce((sum, page) => sum + page.entries.length, 0) ?? 0;
  // Pages of other directory changes can come back empty: read on a little, inside the budget.
  useAutoPages(query, shown < 20);
  return query;
}

type AuditQuery = ReturnType<typeof useAuditPages>;

function useAutoPages(query: AuditQuery, wanted: boolean) {
  const pages = query.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  useEffect(() => {
    if (wanted && hasNextPage && !isFetching && !isError && pages > 0 && pages < AUTO_PAGES) void fetchNextPage();
  }, [wanted, hasNextPage, isFetching, isError, pages, fetchNextPage]);
}

/** Deletion entries for the rows given, read with one filtered query (its pages followed), cached per window. */
export function useDeletedByEntries(rows: readonly { tenantId: string; deletedDateTime: string }[], kind: DeletionKind = "sync-deleted") {
  const { account } = useAuditToken();
  const window = useMemo(() => deletionWindow(rows.map((row) => row.deletedDateTime)), [rows]);
  const query = useAuditPages(
    auditKeys.deletedBy(account?.homeAccountId ?? "signed-out", window, kind),
    window ? () => ({ query: { since: window.since, until: window.until, kind } }) : null,
    kind,
  );
  useAutoPages(query, true);
  return query;
}

export function entriesOf(data: InfiniteData<AuditPage> | undefined) {
  return data?.pages.flatMap((page) => page.entries) ?? [];
}
