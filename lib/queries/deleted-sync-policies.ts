"use client";

import { useCallback } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { listDeletedSyncPoliciesPage } from "@/lib/actions/deleted-sync-policies";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { readEveryPage } from "./pages";
import { fenceDeletedList, readStarted, spreadDeletedList } from "./cache-sync";

/** The whole list, read one Graph page per action; leaving every view that uses it stops the read. */
export function deletedSyncPoliciesQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.deletedSyncPolicies(accountId),
    queryFn: async ({ signal }) => {
      // The first page's start fences every page: a restore answered meanwhile may postdate any of them.
      const startedAt = readStarted();
      const read = await readEveryPage(
        signal,
        (nextLink) => callGraphAction(getToken, (token) => listDeletedSyncPoliciesPage(token, nextLink)),
        (page) => page.policies,
      );
      const list = fenceDeletedList(queryClient, accountId, read, startedAt);
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

/** Re-reads deleted items from Graph: the lower-case tenant ids whose sync policy is still there. */
export function useRereadDeletedSyncPolicyIds(): () => Promise<Set<string>> {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...deletedSyncPoliciesQuery(accountId, getToken, queryClient), staleTime: 0 });
    return new Set(fresh.map((policy) => policy.tenantId.toLowerCase()));
  }, [queryClient, accountId, getToken]);
}
