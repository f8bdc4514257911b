"use client";

/**
 * Tokens for the audit log, kept apart from useGraphToken: a missing consent
 * must not send the user through sign-in again, only show the consent prompt.
 */
import { useCallback } from "react";
import { useMsal } from "@azure/msal-react";
import { InteractionRequiredAuthError } from "@azure/msal-browser";
import { useAuthConfig } from "./auth-config-context";
import { auditConsentDeclined, auditScopes, auditConsentGranted, requestAuditConsent } from "./audit-consent";
import { SignInRequiredError, useSignedInAccount, type GetGraphToken } from "./use-graph-token";

export class AuditConsentRequiredError extends Error {
  constructor(readonly declined: boolean) {
    super(declined ? "Access to the audit log was declined." : "Reading the audit log needs your consent.");
    this.name = "AuditConsentRequiredError";
  }
}

export function useAuditToken() {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const account = useSignedInAccount();

  const getToken = useCallback<GetGraphToken>(
    async (options = {}) => {
      if (!account) throw new SignInRequiredError("You are not signed in.");
      try {
        const result = await instance.acquireTokenSilent({ scopes: auditScopes(config), account, forceRefresh: options.forceRefresh ?? false });
        auditConsentGranted();
        return result.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) throw new AuditConsentRequiredError(auditConsentDeclined());
        throw error;
      }
    },
    [account, config, instance],
  );

  const requestConsent = useCallback(async () => {
    if (account) await requestAuditConsent(instance, config, account);
  }, [account, config, instance]);

  return { account, getToken, requestConsent };
}
