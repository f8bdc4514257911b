"use client";

import { useQuery } from "@tanstack/react-query";
import { getDefaultPolicy } from "@/lib/actions/tenant-information";
import { useGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";

/** What every null partner setting inherits; it changes rarely, so one read serves every partner page for a while. */
export function useDefaultPolicy() {
  const { account, getToken } = useGraphToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useQuery({
    queryKey: ["default-policy", accountId],
    queryFn: () => callGraphAction(getToken, (token) => getDefaultPolicy(token)),
    enabled: account !== null,
    staleTime: 10 * 60_000,
  });
}
