"use client";

import { useCallback, useMemo } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { getPartnerDetail, listPartners } from "@/lib/actions/partners";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import type { PartnerRow } from "@/lib/core/models";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { STALE_TIME_MS } from "./query-client";
import { readList } from "./stream";
import { fenceDetail, fenceRows, readStarted, spreadPartnerDetail, type PartnersList } from "./cache-sync";

type Data<T extends (...args: never[]) => Promise<{ ok: boolean }>> = Extract<Awaited<ReturnType<T>>, { ok: true }> extends {
  data: infer D;
}
  ? D
  : never;

export type PartnerDetail = Data<typeof getPartnerDetail>;
export type { PartnersList };

/**
 * The whole list from one streamed action call. Without a whole list cached, each page joins the
 * cache as it arrives (rows show with the first); a whole list stays on screen until the new read is
 * whole. Every page is fenced by the read's start, again once the read is whole.
 */
export function partnersListQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  const key = graphKeys.partnersList(accountId);
  return queryOptions({
    queryKey: key,
    queryFn: async ({ signal }): Promise<PartnersList> => {
      const startedAt = readStarted();
      const fence = (rows: PartnerRow[]) => fenceRows(queryClient, accountId, rows, startedAt);
      const progressive = queryClient.getQueryData<PartnersList>(key)?.complete !== true;
      const pages = await readList(getToken, (token) => listPartners(token), signal, (arrived) => {
        if (!progressive) return;
        const page = fence(arrived.at(-1) ?? []);
        // Pages already in the cache keep the edits made to them since (a delete, a restore).
        queryClient.setQueryData<PartnersList>(key, (cached) => ({
          pages: arrived.length === 1 || !cached ? [page] : [...cached.pages, page],
          complete: false,
        }));
      });
      const arrived = progressive ? (queryClient.getQueryData<PartnersList>(key)?.pages ?? pages) : pages;
      return { pages: arrived.map(fence), complete: true };
    },
    // A list cut short (its view left, or a page failed) is read again by the next view that needs it.
    staleTime: (query) => (query.state.data?.complete === false ? 0 : STALE_TIME_MS),
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
 * The partners list, streamed: rows appear with the first page and the rest arrive in the same
 * call for as long as a view using this hook is mounted. Leaving the view stops listening.
 */
export function usePartnersList() {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  const query = useQuery({ ...partnersListQuery(accountId, getToken, queryClient), enabled: account !== null });
  const { data } = query;
  const state = useMemo<PartnersListState>(() => ({ rows: data ? data.pages.flat() : [], complete: data?.complete ?? false }), [data]);
  return { ...query, ...state };
}

export function usePartnerDetail(tenantId: string, enabled = true) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...partnerDetailQuery(accountId, tenantId, getToken, queryClient), enabled: account !== null && enabled });
}

/**
 * Whether a tenant is already a partner: from the cached list when it holds it (or is whole),
 * else by reading the partner. Rejects when that read fails: then nobody can tell.
 */
export function useIsPartner() {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useCallback(
    async (tenantId: string): Promise<boolean> => {
      const id = tenantId.toLowerCase();
      const list = queryClient.getQueryData<PartnersList>(graphKeys.partnersList(accountId));
      if (list?.pages.some((page) => page.some((row) => row.tenantId.toLowerCase() === id))) return true;
      if (list?.complete) return false;
      const detail = await queryClient.fetchQuery(partnerDetailQuery(accountId, tenantId, getToken, queryClient));
      return detail.partner !== null;
    },
    [accountId, getToken, queryClient],
  );
}
