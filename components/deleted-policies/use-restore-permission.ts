"use client";

import { useAccessProfile } from "@/lib/auth/use-access-profile";

export const PERMISSION_REASON_ID = "restore-permission-reason";

/**
 * Restore is disabled only when the hint knows the user cannot restore (a read-only
 * role in the ID token, or a 403 earlier this session). When it cannot tell, the
 * button stays enabled with a short note and Graph decides.
 */
export function useRestorePermission(): { allowed: boolean; reason: string | null; note: string | null } {
  const profile = useAccessProfile();
  if (!profile) return { allowed: false, reason: "Sign in to restore.", note: null };
  return { allowed: profile.write !== "denied", reason: profile.writeBlockedReason, note: profile.writeNote };
}
