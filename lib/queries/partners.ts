"use client";

import { useEffect, useMemo } from "react";
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { getPartnerDetail, listPartnersPage } from "@/lib/actions/partners";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import type { PartnerRow } from "@/lib/models";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { fenceDetail, fenceRows, readStarted, spreadPartnerDetail, type PartnersList } from "./cache-sync";

type Data<T extends (...args: never[]) => Promise<{ ok: boolean }>> = Extract<Awaited<ReturnType<T>>, { ok: true }> extends {
  data: infer D;
}
  ? D
  : never;

export type PartnersPage = Data<typeof listPartnersPage>;
export type PartnerDetail = Data<typeof getPartnerDetail>;
export type { PartnersList };

/** One Graph page per query-function call: the first by the list's own query, each next one by Graph's nextLink. */
export function partnersListQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return infiniteQueryOptions({
    queryKey: graphKeys.partnersList(accountId),
    queryFn: async ({ pageParam }): Promise<PartnersPage> => {
      const startedAt = readStarted();
      const page = await callGraphAction(getToken, (token) => listPartnersPage(token, pageParam));
      return { ...page, partners: fenceRows(queryClient, accountId, page.partners, startedAt) };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextLink ?? undefined,
  });
}

export function partnerDetailQuery(accountId: string, tenantId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.partnerDetail(accountId, tenantId),
    queryFn: async () => {
      const startedAt = readStarted();
      const read = await callGraphAction(getToken, (token) => getPartnerDetail(token, tenantId));
      const detail = fenceDetail(queryClient, accountId, tenantId, read, startedAt);
      spreadPartnerDetail(queryClient, accountId, tenantId, detail);
      return detail;
    },
  });
}

export interface PartnersListState {
  rows: PartnerRow[];
  /** False while pages are still arriving (or stopped by an error): counts are partial. */
  complete: boolean;
}

/**
 * The partners list, page by page: rows appear with the first page and the
 * rest is fetched in the background for as long as a view using this hook is
 * mounted. Leaving the view stops after the page on its way.
 */
export function usePartnersList() {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  const query = useInfiniteQuery({ ...partnersListQuery(accountId, getToken, queryClient), enabled: account !== null });
  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage, data } = query;

  useEffect(() => {
    // A refetch in progress re-reads every page itself; asking for the next one would cancel it.
    if (hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetching, isFetchNextPageError, fetchNextPage]);

  const state = useMemo<PartnersListState>(
    () => ({ rows: data ? data.pages.flatMap((page) => page.partners) : [], complete: data ? !hasNextPage : false }),
    [data, hasNextPage],
  );
  return { ...query, ...state };
}

export function usePartnerDetail(tenantId: string) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...partnerDetailQuery(accountId, tenantId, getToken, queryClient), enabled: account !== null });
}
