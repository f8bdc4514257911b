"use client";

/**
 * The one hook that acquires Graph tokens. The token leaves it only as a
 * return value, which callers pass straight into a server action.
 */
import { useCallback, useMemo } from "react";
import { useMsal } from "@azure/msal-react";
import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/runtime";
import { activeAccount } from "./active-account";
import { useAuthConfig } from "./auth-config-context";
import { clearSignInLoopGuard, redirectToSignIn } from "./interactive-sign-in";

export class SignInRequiredError extends Error {
  constructor(message = "Your session has ended. Sign in again to continue.") {
    super(message);
    this.name = "SignInRequiredError";
  }
}

export function useSignedInAccount(): AccountInfo | null {
  const { instance, accounts } = useMsal();
  const active = activeAccount(instance, accounts);
  const homeAccountId = active?.homeAccountId ?? null;
  // A new read after any MSAL event is a new object; key the memo on the id.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => active, [homeAccountId]);
}

export type GetGraphToken = (options?: { forceRefresh?: boolean }) => Promise<string>;

/**
 * What one scope set needs around the silent acquisition: its scopes, what a success
 * settles, and the error a needed interaction becomes. Declared once per module so
 * the returned getToken keeps its identity across renders.
 */
export type TokenScopeSet = {
  scopes: (config: PublicAuthConfig) => string[];
  granted: () => void;
  interactionRequired: (instance: IPublicClientApplication, config: PublicAuthConfig) => Promise<Error>;
};

export function useSilentToken(scopeSet: TokenScopeSet): { account: AccountInfo | null; getToken: GetGraphToken } {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const account = useSignedInAccount();

  const getToken = useCallback<GetGraphToken>(
    async (options = {}) => {
      if (!account) throw new SignInRequiredError("You are not signed in.");
      try {
        const result = await instance.acquireTokenSilent({
          scopes: scopeSet.scopes(config),
          account,
          forceRefresh: options.forceRefresh ?? false,
        });
        scopeSet.granted();
        return result.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) throw await scopeSet.interactionRequired(instance, config);
        throw error;
      }
    },
    [account, config, instance, scopeSet],
  );

  return { account, getToken };
}

const GRAPH_SCOPES: TokenScopeSet = {
  scopes: (config) => config.graphScopes,
  granted: clearSignInLoopGuard,
  interactionRequired: async (instance, config) => {
    const redirected = await redirectToSignIn(instance, config);
    return redirected ? new SignInRequiredError("Signing you in again…") : new SignInRequiredError();
  },
};

export function useGraphToken(): { account: AccountInfo | null; getToken: GetGraphToken } {
  return useSilentToken(GRAPH_SCOPES);
}
