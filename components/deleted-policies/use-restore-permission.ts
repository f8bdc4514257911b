"use client";

import { useAccessProfile } from "@/lib/auth/use-access-profile";

export const PERMISSION_REASON_ID = "restore-permission-reason";

/** Writes stay disabled until the token's role and scopes are known. */
export function useRestorePermission(): { allowed: boolean; reason: string | null } {
  const profile = useAccessProfile();
  if (profile.isPending) return { allowed: false, reason: "Checking your permissions…" };
  if (profile.isError || !profile.data) return { allowed: false, reason: "Your permissions could not be read from your sign-in. Sign in again to restore." };
  return { allowed: profile.data.canWrite, reason: profile.data.writeBlockedReason };
}
