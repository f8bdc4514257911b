"use client";

import { useCallback } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { listDeletedSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { graphKeys } from "./keys";
import { readList } from "./stream";
import { fenceDeletedList, readStarted, spreadDeletedList } from "./cache-sync";
import { readForCheck } from "./write-checks";

/** The whole list, streamed by one action call; leaving every view that uses it stops listening. */
export function deletedSyncPoliciesQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.deletedSyncPolicies(accountId),
    queryFn: async ({ signal }) => {
      // The first page's start fences every page: a restore answered meanwhile may postdate any of them.
      const startedAt = readStarted();
      const pages = await readList(getToken, (token) => listDeletedSyncPolicies(token), signal);
      const list = fenceDeletedList(queryClient, accountId, pages.flat(), startedAt);
      spreadDeletedList(queryClient, accountId, list);
      return list;
    },
  });
}

export function useDeletedSyncPolicies({ enabled = true }: { enabled?: boolean } = {}) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...deletedSyncPoliciesQuery(accountId, getToken, queryClient), enabled: enabled && account !== null });
}

/**
 * Re-reads deleted items from Graph (the cached list takes the answer): the lower-case tenant ids
 * whose sync policy is still there. `forCheck`: a lost write's check (write-checks.ts), whose failed
 * read leaves the list as it was.
 */
export async function rereadDeletedSyncPolicyIds(queryClient: QueryClient, accountId: string, getToken: GetGraphToken, forCheck = false): Promise<Set<string>> {
  const query = deletedSyncPoliciesQuery(accountId, getToken, queryClient);
  const fresh = forCheck ? await readForCheck(queryClient, query) : await queryClient.fetchQuery({ ...query, staleTime: 0 });
  return new Set(fresh.map((policy) => policy.tenantId.toLowerCase()));
}

export function useRereadDeletedSyncPolicyIds(): () => Promise<Set<string>> {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useCallback(() => rereadDeletedSyncPolicyIds(queryClient, accountId, getToken), [queryClient, accountId, getToken]);
}
