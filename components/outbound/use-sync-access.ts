"use client";

import { useMemo } from "react";
import { useSignedInAccount } from "@/lib/auth/use-graph-token";
import { toSyncAccess, type SyncAccess } from "@/lib/outbound/access";

/** The sync-job hint from the ID token's roles; Graph's 403 still decides. */
export function useSyncAccess(): SyncAccess {
  const account = useSignedInAccount();
  const claims = account?.idTokenClaims as Record<string, unknown> | undefined;
  return useMemo(() => toSyncAccess(claims), [claims]);
}
