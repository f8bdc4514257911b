"use client";

import type { QueryClient } from "@tanstack/react-query";
import { addPartner, deletePartner, purgePartners, restorePartners, setInboundRedemption, setOutboundRedemption } from "@/lib/actions/partner-writes";
import type { DeletedPartner } from "@/lib/core/models";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { graphKeys } from "./keys";
import { deletedPartnersKey } from "./deleted-partners";
import { updatePartner } from "./write-cache";
import { callWrite, sendInChunks, useGraphWrite } from "./writes";

const partnerTargets = (tenantIds: readonly string[]) => tenantIds.map((tenantId) => `partner:${tenantId.toLowerCase()}`);
const withoutDeleted = (tenantIds: readonly string[]) => {
  const ids = new Set(tenantIds.map((id) => id.toLowerCase()));
  return (list: DeletedPartner[] | undefined) => list?.filter((partner) => !ids.has(partner.tenantId.toLowerCase()));
};

export function useAddPartner() {
  return useGraphWrite<{ tenantId: string }>({
    targets: ({ tenantId }) => partnerTargets([tenantId]),
    send: (getToken, { tenantId }) => callWrite(getToken, (token) => addPartner(token, tenantId)),
    // The new partner appears when the partners list is read again.
    apply: (queryClient, accountId) => void queryClient.invalidateQueries({ queryKey: graphKeys.partnersList(accountId) }),
  });
}

/** Deletes the partner (and first its sync policy when asked); the partner leaves the views at once. */
export function useDeletePartner() {
  return useGraphWrite<{ tenantId: string; withSyncPolicy: boolean }>({
    targets: ({ tenantId }) => [...partnerTargets([tenantId]), `sync-policy:${tenantId.toLowerCase()}`],
    send: (getToken, { tenantId, withSyncPolicy }) => callWrite(getToken, (token) => deletePartner(token, tenantId, withSyncPolicy)),
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

/** Outbound automatic redemption on or off; inbound stays as it is. */
export function useSetOutboundRedemption() {
  return useGraphWrite<{ tenantId: string; allowed: boolean }>({
    targets: ({ tenantId }) => partnerTargets([tenantId]),
    send: (getToken, { tenantId, allowed }) => callWrite(getToken, (token) => setOutboundRedemption(token, tenantId, allowed)),
    optimistic: (queryClient, accountId, { tenantId, allowed }) =>
      updatePartner(queryClient, accountId, tenantId, (partner) => ({
        ...partner,
        automaticUserConsentSettings: { inboundAllowed: partner.automaticUserConsentSettings?.inboundAllowed ?? null, outboundAllowed: allowed },
      })),
  });
}

/** Inbound automatic redemption on or off (cross-tenant sync into this tenant needs it); outbound stays as it is. */
export function useSetInboundRedemption() {
  return useGraphWrite<{ tenantId: string; allowed: boolean }>({
    targets: ({ tenantId }) => partnerTargets([tenantId]),
    send: (getToken, { tenantId, allowed }) => callWrite(getToken, (token) => setInboundRedemption(token, tenantId, allowed)),
    optimistic: (queryClient, accountId, { tenantId, allowed }) =>
      updatePartner(queryClient, accountId, tenantId, (partner) => ({
        ...partner,
        automaticUserConsentSettings: { inboundAllowed: allowed, outboundAllowed: partner.automaticUserConsentSettings?.outboundAllowed ?? null },
      })),
  });
}

/** Rows leave deleted partners at once; those Graph did not restore come back with their outcome. */
export function useRestorePartners() {
  return useGraphWrite<{ tenantIds: string[] }>({
    targets: ({ tenantIds }) => partnerTargets(tenantIds),
    send: (getToken, { tenantIds }) => sendInChunks(getToken, "restore-partner", tenantIds, restorePartners),
    optimistic: (queryClient, accountId, { tenantIds }) => queryClient.setQueryData<DeletedPartner[]>(deletedPartnersKey(accountId), withoutDeleted(tenantIds)),
    apply: (queryClient, accountId, outcomes, _args, rollback) => putBackUnsettled(queryClient, accountId, outcomes, rollback, "not-found"),
  });
}

/** Gone for good: the rows leave at once and come back only if Graph refuses. */
export function usePurgePartners() {
  return useGraphWrite<{ tenantIds: string[] }>({
    targets: ({ tenantIds }) => partnerTargets(tenantIds),
    send: (getToken, { tenantIds }) => sendInChunks(getToken, "purge-partner", tenantIds, purgePartners),
    optimistic: (queryClient, accountId, { tenantIds }) => queryClient.setQueryData<DeletedPartner[]>(deletedPartnersKey(accountId), withoutDeleted(tenantIds)),
    apply: (queryClient, accountId, outcomes, _args, rollback) => putBackUnsettled(queryClient, accountId, outcomes, rollback),
  });
}

/** Rows whose write did not land come back; `alsoGone`: an outcome that still means the row left deleted items. */
function putBackUnsettled(queryClient: QueryClient, accountId: string, outcomes: WriteOutcome[], rollback: () => void, alsoGone?: WriteOutcome["kind"]) {
  const gone = outcomes.filter((outcome) => isSettledOutcome(outcome) || outcome.kind === alsoGone).map((outcome) => outcome.tenantId);
  if (gone.length < outcomes.length) {
    rollback();
    queryClient.setQueryData<DeletedPartner[]>(deletedPartnersKey(accountId), withoutDeleted(gone));
  }
  if (gone.length > 0) void queryClient.invalidateQueries({ queryKey: graphKeys.partnersList(accountId) });
}
