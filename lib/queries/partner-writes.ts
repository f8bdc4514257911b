"use client";

import { useCallback } from "react";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { addPartner, deletePartner, listDeletedPartners, purgePartner, restorePartner } from "@/lib/actions/partner-writes";
import { findTenantByDomain, findTenantInformation } from "@/lib/actions/tenant-information";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import type { DeletedPartner, TenantInformation } from "@/lib/models";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { readList, readStream } from "./stream";
import { updatePartner } from "./write-cache";
import { useGraphWrite } from "./writes";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const deletedPartnersKey = (accountId: string) => [...graphKeys.account(accountId), "deleted-partners"] as const;
const withoutDeleted = (tenantId: string) => (list: DeletedPartner[] | undefined) => list?.filter((partner) => partner.tenantId.toLowerCase() !== tenantId.toLowerCase());

/** Resolves what an admin typed (tenant id or domain) to the tenant's information; null when nobody has it. */
export function useTenantLookup() {
  const { getToken } = useGraphToken();
  return useCallback(
    async (input: string): Promise<TenantInformation | null> => {
      const value = input.trim();
      if (GUID.test(value)) {
        let found: TenantInformation | null = null;
        await readStream(getToken, (token) => findTenantInformation(token, [value]), (lookup) => (found = lookup.found[0] ?? found));
        return found;
      }
      return callGraphAction(getToken, (token) => findTenantByDomain(token, value));
    },
    [getToken],
  );
}

export function useAddPartner() {
  return useGraphWrite<{ tenantId: string }, WriteOutcome>({
    targets: ({ tenantId }) => [`partner:${tenantId.toLowerCase()}`],
    run: (token, { tenantId }) => addPartner(token, tenantId),
    // The new partner appears when the partners list is read again.
    apply: (queryClient, accountId) => void queryClient.invalidateQueries({ queryKey: graphKeys.partnersList(accountId) }),
  });
}

/** Deletes the partner (and first its sync policy when asked); the partner leaves the views at once. */
export function useDeletePartner() {
  return useGraphWrite<{ tenantId: string; withSyncPolicy: boolean }, WriteOutcome[]>({
    targets: ({ tenantId }) => [`partner:${tenantId.toLowerCase()}`, `sync-policy:${tenantId.toLowerCase()}`],
    run: (token, { tenantId, withSyncPolicy }) => deletePartner(token, tenantId, withSyncPolicy),
    optimistic: (queryClient, accountId, { tenantId }) => updatePartner(queryClient, accountId, tenantId, () => null),
    apply: (queryClient, accountId, outcomes, { tenantId }, rollback) => {
      const partner = outcomes.find((outcome) => outcome.write === "delete-partner");
      if (!partner || !isSettledOutcome(partner)) {
        rollback();
        // The sync policy may be gone even though the partner stayed.
        if (outcomes.some((outcome) => outcome.write === "delete-sync-policy" && isSettledOutcome(outcome))) {
          updatePartner(queryClient, accountId, tenantId, (current) => ({ ...current, syncPolicy: null }));
        }
      }
      void queryClient.invalidateQueries({ queryKey: deletedPartnersKey(accountId) });
    },
  });
}

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

export function useRestorePartner() {
  return useGraphWrite<{ tenantId: string }, WriteOutcome>({
    targets: ({ tenantId }) => [`partner:${tenantId.toLowerCase()}`],
    run: (token, { tenantId }) => restorePartner(token, tenantId),
    optimistic: (queryClient, accountId, { tenantId }) => queryClient.setQueryData<DeletedPartner[]>(deletedPartnersKey(accountId), withoutDeleted(tenantId)),
    apply: (queryClient, accountId, outcome, _args, rollback) => {
      if (!isSettledOutcome(outcome) && outcome.kind !== "not-found") rollback();
      void queryClient.invalidateQueries({ queryKey: graphKeys.partnersList(accountId) });
    },
  });
}

/** Gone for good: the row leaves at once and comes back only if Graph refuses. */
export function usePurgePartner() {
  return useGraphWrite<{ tenantId: string }, WriteOutcome>({
    targets: ({ tenantId }) => [`partner:${tenantId.toLowerCase()}`],
    run: (token, { tenantId }) => purgePartner(token, tenantId),
    optimistic: (queryClient, accountId, { tenantId }) => queryClient.setQueryData<DeletedPartner[]>(deletedPartnersKey(accountId), withoutDeleted(tenantId)),
    apply: (_queryClient, _accountId, outcome, _args, rollback) => {
      if (!isSettledOutcome(outcome)) rollback();
    },
  });
}
