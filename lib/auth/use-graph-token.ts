"use client";

/**
 * The one hook that acquires Graph tokens. The token leaves it only as a
 * return value, which callers pass straight into a server action.
 */
import { useCallback, useMemo } from "react";
import { useMsal } from "@azure/msal-react";
import { InteractionRequiredAuthError, type AccountInfo } from "@azure/msal-browser";
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
  const active = instance.getActiveAccount() ?? accounts[0] ?? null;
  const homeAccountId = active?.homeAccountId ?? null;
  // getActiveAccount() returns a new object each render; key the memo on the id.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => active, [homeAccountId]);
}

export type GetGraphToken = (options?: { forceRefresh?: boolean }) => Promise<string>;

export function useGraphToken(): { account: AccountInfo | null; getToken: GetGraphToken } {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const account = useSignedInAccount();

  const getToken = useCallback<GetGraphToken>(
    async (options = {}) => {
      if (!account) throw new SignInRequiredError("You are not signed in.");
      try {
        const result = await instance.acquireTokenSilent({
          scopes: config.graphScopes,
          account,
          forceRefresh: options.forceRefresh ?? false,
        });
        clearSignInLoopGuard();
        return result.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) {
          const redirected = await redirectToSignIn(instance, config);
          if (redirected) throw new SignInRequiredError("Signing you in again…");
          throw new SignInRequiredError();
        }
        throw error;
      }
    },
    [account, config, instance],
  );

  return { account, getToken };
}
