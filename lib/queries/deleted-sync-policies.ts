"use client";

import { useCallback } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { listDeletedSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { fenceDeletedList, readStarted, spreadDeletedList } from "./cache-sync";

export function deletedSyncPoliciesQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.deletedSyncPolicies(accountId),
    queryFn: async () => {
      const startedAt = readStarted();
      const read = await callGraphAction(getToken, (token) => listDeletedSyncPolicies(token));
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
