import { describe, expect, it, vi } from "vitest";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { graphKeys } from "./keys";
import { partnersList, rowsOf } from "@/tests/partners-list";
import type { PartnerDetail, PartnersList } from "./partners";
import { addToDeleted, editWithUndo, removeFromDeleted, resumeCancelledReads, updatePartner } from "./write-cache";

const ACCOUNT = "account-1";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

function seeded() {
  const queryClient = new QueryClient();
  const a = makePartner(A, { syncPolicy: makeSyncPolicy(A, { userSyncAllowed: true }) });
  queryClient.setQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT), partnersList([a], [makePartner(B)]));
  queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A), { partner: a, deletedSyncPolicy: null });
  queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [makeDeletedSyncPolicy(B)]);
  return queryClient;
}

describe("write cache edits", () => {
  it("a change to a partner reaches the list and its page; null removes it from both", () => {
    const queryClient = seeded();
    updatePartner(queryClient, ACCOUNT, A.toUpperCase(), (partner) => ({ ...partner, syncPolicy: null }));
    expect(rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT)))[0]?.syncPolicy).toBeNull();
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.partner?.syncPolicy).toBeNull();
    updatePartner(queryClient, ACCOUNT, A, () => null);
    expect(rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT))).map((p) => p.tenantId)).toEqual([B]);
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.partner).toBeNull();
  });

  it("a change to a partner on a later page of the list reaches it; the list keeps only its columns", () => {
    const queryClient = seeded();
    updatePartner(queryClient, ACCOUNT, B, (partner) => ({ ...partner, syncPolicy: makeSyncPolicy(B, { userSyncAllowed: false }) }));
    const row = rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT)))[1];
    expect(row?.syncPolicy).toEqual({ tenantId: B, displayName: makeSyncPolicy(B).displayName, userSyncAllowed: false, groupSyncAllowed: makeSyncPolicy(B).groupSyncAllowed });
    expect(row).not.toHaveProperty("inboundTrust");
  });

  it("a deleted policy appears in the deleted list and on its partner's page; a purge takes it out of all", () => {
    const queryClient = seeded();
    addToDeleted(queryClient, ACCOUNT, makeDeletedSyncPolicy(A));
    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([B, A]);
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.deletedSyncPolicy?.tenantId).toBe(A);
    removeFromDeleted(queryClient, ACCOUNT, new Set([A]));
    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([B]);
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.deletedSyncPolicy).toBeNull();
  });

  it("a refused write puts every cache it edited back as it was", () => {
    const queryClient = seeded();
    const before = queryClient.getQueryData(graphKeys.partnersList(ACCOUNT));
    const rollback = editWithUndo(queryClient, ACCOUNT, () => {
      updatePartner(queryClient, ACCOUNT, A, () => null);
      removeFromDeleted(queryClient, ACCOUNT, new Set([B]));
    });
    rollback();
    expect(queryClient.getQueryData(graphKeys.partnersList(ACCOUNT))).toEqual(before);
    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([B]);
  });

  it("the undo leaves caches the write did not edit as they are now, so reads that landed meanwhile stay", () => {
    const queryClient = seeded();
    const rollback = editWithUndo(queryClient, ACCOUNT, () => updatePartner(queryClient, ACCOUNT, A, () => null));
    // A read answers while the write is on the wire.
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [makeDeletedSyncPolicy(B), makeDeletedSyncPolicy(A)]);
    rollback();
    expect(rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT))).map((p) => p.tenantId)).toEqual([A, B]);
    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([B, A]);
  });

  it("a first read a write cancelled starts again for the view still showing it", async () => {
    const queryClient = new QueryClient();
    let calls = 0;
    let release: (() => void) | undefined;
    const observer = new QueryObserver(queryClient, {
      queryKey: graphKeys.deletedSyncPolicies(ACCOUNT),
      queryFn: ({ signal }) =>
        new Promise<DeletedSyncPolicy[]>((resolve, reject) => {
          calls += 1;
          release = () => resolve([makeDeletedSyncPolicy(B)]);
          signal.addEventListener("abort", () => reject(signal.reason));
        }),
    });
    const unsubscribe = observer.subscribe(() => {});
    await Promise.resolve();
    await queryClient.cancelQueries({ queryKey: graphKeys.account(ACCOUNT) });
    expect(queryClient.getQueryState(graphKeys.deletedSyncPolicies(ACCOUNT))).toMatchObject({ status: "pending", fetchStatus: "idle" });
    resumeCancelledReads(queryClient, ACCOUNT);
    await vi.waitFor(() => expect(calls).toBe(2));
    release?.();
    await vi.waitFor(() => expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([B]));
    unsubscribe();
  });
});
