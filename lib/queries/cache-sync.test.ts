import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner, SyncPolicy } from "@/lib/core/models";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { partnersList, rowsOf } from "@/tests/partners-list";
import { fenceDeletedList, fenceRows, readStarted, restoreSettled, restoreStarted, spreadDeletedList, spreadPartnerDetail, type PartnersList } from "./cache-sync";
import { toPartnerRow } from "@/lib/partners/row";
import { graphKeys } from "./keys";
import type { PartnerDetail } from "./partners";

const ACCOUNT = "account-1";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

const policy = (tenantId: string, userSyncAllowed: boolean | null): SyncPolicy => makeSyncPolicy(tenantId, { userSyncAllowed });
const deleted = (tenantId: string): DeletedSyncPolicy => makeDeletedSyncPolicy(tenantId);
const partner = (tenantId: string, syncPolicy: SyncPolicy | null): Partner => makePartner(tenantId, { displayName: tenantId.slice(0, 4), syncPolicy });

describe("cache consistency", () => {
  it("a fresh deleted list updates whether cached details are in deleted items", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A), { partner: partner(A, null), deletedSyncPolicy: deleted(A) });
    queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, B), { partner: partner(B, null), deletedSyncPolicy: null });

    spreadDeletedList(queryClient, ACCOUNT, [deleted(B)]);

    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.deletedSyncPolicy).toBeNull();
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, B))?.deletedSyncPolicy).toEqual(deleted(B));
  });

  it("a fresh detail updates its row on whichever page holds it, and the deleted list", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT), partnersList([partner(B, null)], [partner(A, policy(A, true))]));
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), []);

    spreadPartnerDetail(queryClient, ACCOUNT, A, { partner: partner(A, null), deletedSyncPolicy: deleted(A) });

    const list = queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT));
    expect(list?.pages[1]).toEqual([toPartnerRow(partner(A, null))]);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([deleted(A)]);

    spreadPartnerDetail(queryClient, ACCOUNT, B, { partner: null, deletedSyncPolicy: null });
    expect(rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT))).map((p) => p.tenantId)).toEqual([A]);
  });
});

describe("restore fences", () => {
  it("a read that started before a restore was answered cannot bring the policy back", () => {
    const queryClient = new QueryClient();
    const early = readStarted();
    restoreStarted(queryClient, ACCOUNT, [A.toUpperCase()]);
    const during = readStarted();
    expect(fenceDeletedList(queryClient, ACCOUNT, [deleted(A), deleted(B)], during).map((p) => p.tenantId)).toEqual([B]);
    restoreSettled(queryClient, ACCOUNT, A, true, policy(A, true));
    expect(fenceDeletedList(queryClient, ACCOUNT, [deleted(A)], early)).toEqual([]);
    expect(fenceRows(queryClient, ACCOUNT, [toPartnerRow(partner(A, null))], early)[0]?.syncPolicy).toMatchObject({ tenantId: A, userSyncAllowed: true });
    // A read that went out after the answer sees Graph as it is.
    expect(fenceDeletedList(queryClient, ACCOUNT, [deleted(A)], readStarted())).toEqual([deleted(A)]);
  });

  it("a restore that did not happen lifts its fence, and fences stay within their account", () => {
    const queryClient = new QueryClient();
    const early = readStarted();
    restoreStarted(queryClient, ACCOUNT, [A]);
    expect(fenceDeletedList(queryClient, "someone-else", [deleted(A)], early)).toEqual([deleted(A)]);
    restoreSettled(queryClient, ACCOUNT, A, false, null);
    expect(fenceDeletedList(queryClient, ACCOUNT, [deleted(A)], early)).toEqual([deleted(A)]);
  });
});
