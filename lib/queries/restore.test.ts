import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner, SyncPolicy } from "@/lib/core/models";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { graphKeys } from "./keys";
import type { PartnerDetail, PartnersList } from "./partners";
import { partnersList, rowsOf } from "@/tests/partners-list";
import { makeDeletedSyncPolicy, makePartner } from "@/tests/model-fixtures";
import { applyRestoreOutcomes, restoreWrite } from "./restore";
import { editWithUndo } from "./write-cache";

const ACCOUNT = "account-1";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

const deleted = (tenantId: string): DeletedSyncPolicy => makeDeletedSyncPolicy(tenantId);
const partner = (tenantId: string): Partner => makePartner(tenantId, { displayName: `Partner ${tenantId.slice(0, 4)}` });

const live: SyncPolicy = { ...deleted(A), userSyncAllowed: true };

function seededClient() {
  const queryClient = new QueryClient();
  queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [deleted(A), deleted(B)]);
  queryClient.setQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT), partnersList([partner(A)], [partner(B)]));
  queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A), { partner: partner(A), deletedSyncPolicy: deleted(A) });
  // The optimistic step takes both rows out of the deleted lists; its undo is what a refusal puts back.
  const rollback = editWithUndo(queryClient, ACCOUNT, () => restoreWrite.optimistic?.(queryClient, ACCOUNT, { tenantIds: [A, B] }));
  return { queryClient, rollback };
}

describe("applyRestoreOutcomes", () => {
  it("shows a restored policy as live in the list and the detail, and keeps it out of deleted items", () => {
    const { queryClient, rollback } = seededClient();
    const outcomes: WriteOutcome[] = [
      { write: "restore-sync-policy", tenantId: A, kind: "done", policy: live, error: null, attempts: 1 },
      { write: "restore-sync-policy", tenantId: B, kind: "already-done", policy: null, error: null, attempts: 1 },
    ];
    applyRestoreOutcomes(queryClient, ACCOUNT, outcomes, rollback);

    const rows = rowsOf(queryClient.getQueryData<PartnersList>(graphKeys.partnersList(ACCOUNT)));
    expect(rows.find((p) => p.tenantId === A)?.syncPolicy).toMatchObject({ tenantId: A, userSyncAllowed: true });
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))).toMatchObject({ partner: { syncPolicy: live }, deletedSyncPolicy: null });
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([]);
  });

  it("puts rows back into deleted items when the restore did not happen", () => {
    const { queryClient, rollback } = seededClient();
    const error = { status: 500, code: "InternalServerError", message: "boom", requestId: "r-9", retryAfterSeconds: null };
    const outcomes: WriteOutcome[] = [
      { write: "restore-sync-policy", tenantId: A, kind: "failed", policy: null, error, attempts: 1 },
      { write: "restore-sync-policy", tenantId: B, kind: "purged", policy: null, error: null, attempts: 1 },
    ];
    applyRestoreOutcomes(queryClient, ACCOUNT, outcomes, rollback);

    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))?.map((p) => p.tenantId)).toEqual([A]);
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))?.deletedSyncPolicy).toEqual(deleted(A));
  });

  it("never touches another account's cache", () => {
    const { queryClient, rollback } = seededClient();
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies("someone-else"), [deleted(A)]);
    applyRestoreOutcomes(queryClient, ACCOUNT, [{ write: "restore-sync-policy", tenantId: A, kind: "failed", policy: null, error: null, attempts: 1 }], rollback);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies("someone-else"))).toEqual([deleted(A)]);
    expect(queryClient.getQueryState(graphKeys.deletedSyncPolicies("someone-else"))?.isInvalidated).toBe(false);
  });
});
