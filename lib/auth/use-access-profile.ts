"use client";

import { useMemo } from "react";
import { toAccessProfile, type AccessProfile } from "./claims";
import { useRememberedDenial } from "./permission-denials";
import { useSignedInAccount } from "./use-graph-token";

/** The role hint from the ID token MSAL already holds, else from a 403 this session; null when signed out. */
export function useAccessProfile(): AccessProfile | null {
  const account = useSignedInAccount();
  const denial = useRememberedDenial();
  const claims = account?.idTokenClaims as Record<string, unknown> | undefined;
  return useMemo(() => (account ? toAccessProfile(claims, denial) : null), [account, claims, denial]);
}
