"use client";

import { useCallback } from "react";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { listDeletedPartners } from "@/lib/actions/partners";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { graphKeys } from "./keys";
import { readList } from "./stream";

/** Deleted partner configurations, read whole; their restore and purge are in partner-writes.ts. */
export const deletedPartnersKey = (accountId: string) => [...graphKeys.account(accountId), "deleted-partners"] as const;

function deletedPartnersQuery(accountId: string, getToken: GetGraphToken) {
  return queryOptions({
    queryKey: deletedPartnersKey(accountId),
    queryFn: async ({ signal }) => (await readList(getToken, (token) => listDeletedPartners(token), signal)).flat(),
  });
}

export function useDeletedPartners() {
  const { account, getToken } = useGraphToken();
  return useQuery({ ...deletedPartnersQuery(account?.homeAccountId ?? "signed-out", getToken), enabled: account !== null });
}

/** Re-reads deleted items from Graph: the lower-case tenant ids of partners still there. */
export function useRereadDeletedPartnerIds(): () => Promise<Set<string>> {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...deletedPartnersQuery(accountId, getToken), staleTime: 0 });
    return new Set(fresh.map((partner) => partner.tenantId.toLowerCase()));
  }, [queryClient, accountId, getToken]);
}
