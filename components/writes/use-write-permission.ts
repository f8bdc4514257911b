"use client";

import { useAccessProfile } from "@/lib/auth/use-access-profile";

export const PERMISSION_REASON_ID = "write-permission-reason";

/**
 * Every write (restore included) is disabled only when the hint knows the user cannot
 * write (a read-only role in the ID token, or a 403 earlier this session). When it
 * cannot tell, the control stays enabled with a short note and Graph decides.
 */
export function useWritePermission(): { allowed: boolean; reason: string | null; note: string | null } {
  const profile = useAccessProfile();
  if (!profile) return { allowed: false, reason: "Sign in to make changes.", note: null };
  return { allowed: profile.write !== "denied", reason: profile.writeBlockedReason, note: profile.writeNote };
}
