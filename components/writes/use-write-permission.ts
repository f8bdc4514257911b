"use client";

import { useAccessProfile } from "@/lib/auth/use-access-profile";

/** Writes stay unavailable until the sign-in's role and scopes are known; Graph's 403 still has the last word. */
export function useWritePermission(): { allowed: boolean; reason: string | null } {
  const profile = useAccessProfile();
  if (profile.isPending) return { allowed: false, reason: "Checking your permissions…" };
  if (profile.isError || !profile.data) return { allowed: false, reason: "Your permissions could not be read from your sign-in. Sign in again to make changes." };
  if (profile.data.canWrite) return { allowed: true, reason: null };
  // The profile words its reason for restores; every write needs the same role and permission.
  const reason = profile.data.writeBlockedReason?.replace(/^Restoring needs/, "Changing cross-tenant sync settings needs") ?? null;
  return { allowed: false, reason };
}
