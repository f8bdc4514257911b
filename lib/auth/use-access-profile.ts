"use client";

import { useQuery } from "@tanstack/react-query";
import { toAccessProfile } from "./claims";
import { useGraphToken } from "./use-graph-token";

/** Role and scopes from the user's own access token; writes stay disabled until this resolves. */
export function useAccessProfile() {
  const { account, getToken } = useGraphToken();
  return useQuery({
    queryKey: ["auth", account?.homeAccountId ?? "signed-out", "access-profile"],
    queryFn: async () => toAccessProfile(await getToken()),
    enabled: account !== null,
    staleTime: 5 * 60_000,
  });
}
