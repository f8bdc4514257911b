"use client";

/**
 * Tokens for the source side of cross-tenant sync (configurations, jobs, users), kept apart from
 * useGraphToken like the audit log's: these scopes are not asked for at sign-in, and a missing
 * consent shows a prompt where the data would be instead of sending the user through sign-in.
 */
import { useCallback } from "react";
import { useMsal } from "@azure/msal-react";
import type { PublicAuthConfig } from "@/lib/config/runtime";
import { useAuthConfig } from "./auth-config-context";
import { useSilentToken, type TokenScopeSet } from "./use-graph-token";

/** Jobs read and write, service principals, and users to provision on demand (graph-api.md, "Permissions"). */
export const SYNC_SCOPE_NAMES = ["Synchronization.ReadWrite.All", "Application.Read.All", "User.ReadBasic.All"] as const;

export function syncScopes(config: Pick<PublicAuthConfig, "graphScopes">): string[] {
  const [first] = config.graphScopes;
  const resource = first ? new URL(first).origin : "https://graph.microsoft.com";
  return SYNC_SCOPE_NAMES.map((name) => `${resource}/${name}`);
}

export class SyncConsentRequiredError extends Error {
  constructor() {
    super("Reading sync configurations needs your consent to Synchronization.ReadWrite.All, Application.Read.All and User.ReadBasic.All.");
    this.name = "SyncConsentRequiredError";
  }
}

const SYNC_SCOPES: TokenScopeSet = {
  scopes: syncScopes,
  granted: () => undefined,
  interactionRequired: async () => new SyncConsentRequiredError(),
};

export function useSyncToken() {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const { account, getToken } = useSilentToken(SYNC_SCOPES);
  const requestConsent = useCallback(async () => {
    if (account) await instance.acquireTokenRedirect({ scopes: syncScopes(config), account, redirectStartPage: window.location.href });
  }, [account, config, instance]);
  return { account, getToken, requestConsent };
}
