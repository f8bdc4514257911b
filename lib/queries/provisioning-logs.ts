"use client";

/**
 * The provisioning log of a sync configuration, for its errors page. Each read is one streamed
 * action call asking for as many pages as the tab's reports budget has room for (it shares the
 * audit log's 5 requests per 10 s); reads follow one another until the period is read. A 429
 * closes the budget for its Retry-After and keeps every page already read: the read carries on
 * from the last page's link when the countdown ends.
 */
import { useEffect, useMemo, useState } from "react";
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { getSyncConfigurationName, listProvisioningEvents, type ProvisioningReadInput } from "@/lib/actions/provisioning-logs";
import { useAuditToken } from "@/lib/auth/use-audit-token";
import type { AppError } from "@/lib/core/result";
import type { SyncErrorFilters } from "@/lib/sync-errors/filters";
import type { ProvisioningEvent, ProvisioningPage } from "@/lib/sync-errors/types";
import { auditBudget, type RequestBudget } from "./audit-budget";
import { callGraphAction, GraphActionError } from "./graph-action";
import { graphKeys } from "./keys";
import { readStream } from "./stream";

const DAY_MS = 86_400_000;
/** Pages one read may ask for: the reports budget's whole window. */
export const PAGES_PER_READ = 5;
/** Reads that follow one another on their own (up to 25,000 entries); "Load more" reads on after that. */
export const AUTO_READS = 10;

/** The filters Graph applies; the user filter is matched on the entries read. */
type LogFilters = Pick<SyncErrorFilters, "days" | "status" | "action">;

export const provisioningKeys = {
  all: (accountId: string) => [...graphKeys.account(accountId), "provisioning-log"] as const,
  events: (accountId: string, servicePrincipalId: string | null, filters: LogFilters) =>
    [...graphKeys.account(accountId), "provisioning-log", servicePrincipalId ?? "all", filters.days, filters.status, filters.action ?? "any"] as const,
  configuration: (accountId: string, servicePrincipalId: string) => [...graphKeys.account(accountId), "sync-configuration-name", servicePrincipalId] as const,
};

/** What one read brought: its pages' entries, where to go on, and the failure that cut it short after some pages. */
export interface ProvisioningRead {
  events: ProvisioningEvent[];
  pages: number;
  nextLink: string | null;
  interrupted: AppError | null;
}

/**
 * One streamed read: takes up to PAGES_PER_READ slots of the budget, asks for that many pages and
 * collects them as they arrive (`onPages` sees them so far). A failure after some pages comes back
 * as `interrupted` with the pages kept; before any, it is thrown. A 429 closes the budget either way.
 */
export async function readProvisioningPages(
  getToken: () => Promise<string>,
  input: (pages: number) => ProvisioningReadInput,
  signal: AbortSignal | undefined,
  onPages: (pages: ProvisioningPage[]) => void = () => undefined,
  budget: RequestBudget = auditBudget,
  list: typeof listProvisioningEvents = listProvisioningEvents,
): Promise<ProvisioningRead> {
  let pages: ProvisioningPage[] = [];
  const summary = (interrupted: AppError | null): ProvisioningRead => ({
    events: pages.flatMap((page) => page.events),
    pages: pages.length,
    nextLink: pages.at(-1)?.nextLink ?? null,
    interrupted,
  });
  try {
    await readStream(
      getToken,
      async (token) => {
        pages = [];
        const count = await budget.takeUpTo(PAGES_PER_READ, signal);
        return list(token, input(count));
      },
      (page) => {
        pages = [...pages, page];
        onPages(pages);
      },
      signal,
    );
  } catch (error) {
    if (!(error instanceof GraphActionError)) throw error;
    if (error.appError.status === 429) budget.closeFor(error.appError.retryAfterSeconds ?? 10);
    if (pages.length > 0 && pages.at(-1)?.nextLink) return summary(error.appError);
    throw error;
  }
  return summary(null);
}

/**
 * The log of one configuration (or every one, for null) over the filters' period, read on its own
 * up to AUTO_READS reads. `events` includes the pages of a read still arriving.
 */
export function useProvisioningEvents(servicePrincipalId: string | null, filters: LogFilters) {
  const { account, getToken } = useAuditToken("provisioning");
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  const queryKey = provisioningKeys.events(accountId, servicePrincipalId, filters);
  const [arriving, setArriving] = useState<{ key: string; param: string | null; pages: ProvisioningPage[] } | null>(null);
  const keyText = JSON.stringify(queryKey);

  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      readProvisioningPages(
        getToken,
        (pages) =>
          pageParam
            ? { nextLink: pageParam, pages }
            : {
                query: {
                  since: new Date(Date.now() - filters.days * DAY_MS).toISOString(),
                  servicePrincipalId,
                  status: filters.status === "all" ? null : filters.status,
                  action: filters.action,
                },
                pages,
              },
        signal,
        (pages) => setArriving({ key: keyText, param: pageParam, pages }),
      ),
    getNextPageParam: (last: ProvisioningRead) => last.nextLink ?? undefined,
    enabled: account !== null,
    retry: false,
  });

  const data: InfiniteData<ProvisioningRead> | undefined = query.data;
  const events = useMemo(() => {
    const read = data?.pages.flatMap((page) => page.events) ?? [];
    const stillArriving = arriving && arriving.key === keyText && !(data?.pageParams ?? []).includes(arriving.param) && query.isFetching;
    return stillArriving ? [...read, ...arriving.pages.flatMap((page) => page.events)] : read;
  }, [data, arriving, keyText, query.isFetching]);

  const last = data?.pages.at(-1);
  const interruption = last?.interrupted ?? null;
  const reads = data?.pages.length ?? 0;
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetching && !isError && interruption === null && reads > 0 && reads < AUTO_READS) void fetchNextPage();
  }, [hasNextPage, isFetching, isError, interruption, reads, fetchNextPage]);

  return {
    query,
    events,
    /** A failure that cut the last read short, its pages kept (a 429 counts down, then reads on). */
    interruption,
    /** Whole: every entry of the period is read. */
    complete: query.isSuccess && !hasNextPage,
    /** Read on after the automatic reads, or after an interruption. */
    readMore: () => void fetchNextPage(),
    /** Starts over from the first page. */
    restart: () => void queryClient.resetQueries({ queryKey }),
  };
}

/**
 * The configuration's name for the page header; null when no service principal has that id. Not
 * read for null (every configuration). Read with the provisioning log's token: its
 * Directory.Read.All reads service principals, which the sign-in scopes do not.
 */
export function useSyncConfigurationName(servicePrincipalId: string | null) {
  const { account, getToken } = useAuditToken("provisioning");
  return useQuery({
    queryKey: provisioningKeys.configuration(account?.homeAccountId ?? "signed-out", servicePrincipalId ?? ""),
    queryFn: () => callGraphAction(getToken, (token) => getSyncConfigurationName(token, servicePrincipalId ?? "")),
    enabled: account !== null && servicePrincipalId !== null,
    // Without consent yet, the header names the configuration from the log once it is read.
    retry: false,
  });
}
