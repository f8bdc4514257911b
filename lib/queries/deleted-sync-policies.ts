"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { listDeletedSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";

export function deletedSyncPoliciesQuery(accountId: string, getToken: GetGraphToken) {
  return queryOptions({
    queryKey: graphKeys.deletedSyncPolicies(accountId),
    queryFn: () => callGraphAction(getToken, (token) => listDeletedSyncPolicies(token)),
  });
}

export function useDeletedSyncPolicies() {
  const { account, getToken } = useGraphToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...deletedSyncPoliciesQuery(accountId, getToken), enabled: account !== null });
}
