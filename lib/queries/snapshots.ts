"use client";

import { useCallback } from "react";
import { getAccessPolicyRoot, listPartnerConfigurations, putBackSnapshotRows } from "@/lib/actions/snapshots";
import { listDeletedPartners } from "@/lib/actions/partners";
import { listDeletedSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { findTenantInformation, getDefaultPolicy } from "@/lib/actions/tenant-information";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import type { SnapshotProgress, SnapshotSource } from "@/lib/snapshots/collect";
import type { PutBackRow } from "@/lib/snapshots/plan";
import type { SnapshotDocument } from "@/lib/snapshots/schema";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { readStream } from "./stream";
import { useGraphWrite } from "./writes";

/** The snapshot's reads through the same streamed actions the views use: one call per list, pages as they arrive. */
function actionSource(getToken: GetGraphToken, tenantId: string, signal?: AbortSignal): SnapshotSource {
  return {
    tenantId,
    now: () => new Date(),
    policyRoot: () => callGraphAction(getToken, (token) => getAccessPolicyRoot(token)),
    defaultPolicy: () => callGraphAction(getToken, (token) => getDefaultPolicy(token)),
    partners: (onPart) => readStream(getToken, (token) => listPartnerConfigurations(token), onPart, signal),
    deletedPartners: (onPart) => readStream(getToken, (token) => listDeletedPartners(token), onPart, signal),
    deletedSyncPolicies: (onPart) => readStream(getToken, (token) => listDeletedSyncPolicies(token), onPart, signal),
    tenants: (tenantIds, onPart) => readStream(getToken, (token) => findTenantInformation(token, tenantIds), onPart, signal),
  };
}

/** Takes a snapshot of the signed-in tenant now: the same builder `npm run snapshot` uses. */
export function useTakeSnapshot(): (onProgress: (progress: SnapshotProgress) => void, signal?: AbortSignal) => Promise<SnapshotDocument> {
  const { getToken } = useGraphToken();
  const { tenantId } = useAuthConfig();
  return useCallback(
    async (onProgress, signal) => {
      // The builder and its schema load on the first export, not with the Partners page.
      const { collectSnapshot } = await import("@/lib/snapshots/collect");
      return collectSnapshot(actionSource(getToken, tenantId, signal), onProgress);
    },
    [getToken, tenantId],
  );
}

const MAX_ROWS_PER_CALL = 50;

/** Puts partners back as a snapshot has them: rows on the wire are never sent a second time; throttled rows come back for the resend loop. */
export function usePutBack() {
  return useGraphWrite<{ rows: PutBackRow[] }>({
    targets: ({ rows }) => rows.flatMap((row) => [`partner:${row.tenantId}`, `sync-policy:${row.tenantId}`]),
    narrow: ({ rows }, claimed) => ({ rows: rows.filter((row) => claimed.includes(`partner:${row.tenantId}`)) }),
    send: async (getToken, { rows }) => {
      const outcomes: WriteOutcome[] = [];
      for (let start = 0; start < rows.length; start += MAX_ROWS_PER_CALL) {
        const chunk = rows.slice(start, start + MAX_ROWS_PER_CALL).map((row) => row.change);
        outcomes.push(...(await callGraphAction(getToken, (token) => putBackSnapshotRows(token, chunk))));
      }
      return outcomes;
    },
    // What changed shows when the views read Graph again.
    apply: (queryClient, accountId) => void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId) }),
  });
}
