import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner, SyncPolicy } from "@/lib/models";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { spreadPartnerDetail, spreadPartnersView } from "./cache-sync";
import { graphKeys } from "./keys";
import type { PartnerDetail, PartnersView } from "./partners";

const ACCOUNT = "account-1";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

const policy = (tenantId: string, userSyncAllowed: boolean | null): SyncPolicy => makeSyncPolicy(tenantId, { userSyncAllowed });
const deleted = (tenantId: string): DeletedSyncPolicy => makeDeletedSyncPolicy(tenantId);
const partner = (tenantId: string, syncPolicy: SyncPolicy | null): Partner => makePartner(tenantId, { displayName: tenantId.slice(0, 4), syncPolicy });

describe("cache consistency", () => {
  it("a fresh partners view updates cached details and the deleted list", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A), { partner: partner(A, null), deletedSyncPolicy: deleted(A) });
    const view: PartnersView = { partners: [partner(A, policy(A, true)), partner(B, null)], deletedSyncPolicies: [deleted(B)], deletedItemsError: null };

    spreadPartnersView(queryClient, ACCOUNT, view);

    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))).toEqual({ partner: view.partners[0], deletedSyncPolicy: null });
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([deleted(B)]);
    // Details nobody opened are not invented.
    expect(queryClient.getQueryData(graphKeys.partnerDetail(ACCOUNT, B))).toBeUndefined();
  });

  it("a fresh detail updates the partners view and the deleted lists", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<PartnersView>(graphKeys.partnersView(ACCOUNT), { partners: [partner(A, policy(A, true)), partner(B, null)], deletedSyncPolicies: [], deletedItemsError: null });
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), []);

    spreadPartnerDetail(queryClient, ACCOUNT, A, { partner: partner(A, null), deletedSyncPolicy: deleted(A) });

    const view = queryClient.getQueryData<PartnersView>(graphKeys.partnersView(ACCOUNT));
    expect(view?.partners.find((p) => p.tenantId === A)?.syncPolicy).toBeNull();
    expect(view?.deletedSyncPolicies).toEqual([deleted(A)]);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([deleted(A)]);

    spreadPartnerDetail(queryClient, ACCOUNT, B, { partner: null, deletedSyncPolicy: null });
    expect(queryClient.getQueryData<PartnersView>(graphKeys.partnersView(ACCOUNT))?.partners.map((p) => p.tenantId)).toEqual([A]);
  });
});
