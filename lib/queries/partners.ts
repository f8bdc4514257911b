"use client";

import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { getPartnerDetail, getPartnersView } from "@/lib/actions/partners";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import type { DeletedSyncPolicy } from "@/lib/models";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { spreadPartnerDetail, spreadPartnersView } from "./cache-sync";

type Data<T extends (...args: never[]) => Promise<{ ok: boolean }>> = Extract<Awaited<ReturnType<T>>, { ok: true }> extends {
  data: infer D;
}
  ? D
  : never;

export type PartnersView = Data<typeof getPartnersView>;
export type PartnerDetail = Data<typeof getPartnerDetail>;

export function partnersViewQuery(accountId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.partnersView(accountId),
    queryFn: async () => {
      const view = await callGraphAction(getToken, (token) => getPartnersView(token));
      spreadPartnersView(queryClient, accountId, view);
      return view;
    },
  });
}

export function partnerDetailQuery(accountId: string, tenantId: string, getToken: GetGraphToken, queryClient: QueryClient) {
  return queryOptions({
    queryKey: graphKeys.partnerDetail(accountId, tenantId),
    queryFn: async () => {
      const detail = await callGraphAction(getToken, (token) => getPartnerDetail(token, tenantId));
      spreadPartnerDetail(queryClient, accountId, tenantId, detail);
      return detail;
    },
  });
}

/** What the list already knows about one partner, shown while the detail loads. */
export function detailFromCachedView(
  queryClient: QueryClient,
  accountId: string,
  tenantId: string,
): PartnerDetail | undefined {
  const view = queryClient.getQueryData<PartnersView>(graphKeys.partnersView(accountId));
  const id = tenantId.toLowerCase();
  const partner = view?.partners.find((candidate) => candidate.tenantId.toLowerCase() === id);
  if (!view || !partner) return undefined;
  const deleted = queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(accountId)) ?? view.deletedSyncPolicies ?? [];
  return {
    partner,
    deletedSyncPolicy: deleted.find((policy) => policy.tenantId.toLowerCase() === id) ?? null,
  };
}

export function usePartnersView() {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({ ...partnersViewQuery(accountId, getToken, queryClient), enabled: account !== null });
}

export function usePartnerDetail(tenantId: string) {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({
    ...partnerDetailQuery(accountId, tenantId, getToken, queryClient),
    enabled: account !== null,
    placeholderData: () => detailFromCachedView(queryClient, accountId, tenantId),
  });
}
