"use client";

/**
 * Tokens for the audit log, kept apart from useGraphToken: a missing consent
 * must not send the user through sign-in again, only show the consent prompt.
 */
import { useCallback } from "react";
import { useMsal } from "@azure/msal-react";
import { useAuthConfig } from "./auth-config-context";
import { auditConsentDeclined, auditScopes, auditConsentGranted, requestAuditConsent } from "./audit-consent";
import { useSilentToken, type TokenScopeSet } from "./use-graph-token";

export class AuditConsentRequiredError extends Error {
  constructor(readonly declined: boolean) {
    super(declined ? "Access to the audit log was declined." : "Reading the audit log needs your consent.");
    this.name = "AuditConsentRequiredError";
  }
}

const AUDIT_SCOPES: TokenScopeSet = {
  scopes: auditScopes,
  granted: auditConsentGranted,
  interactionRequired: async () => new AuditConsentRequiredError(auditConsentDeclined()),
};

export function useAuditToken() {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const { account, getToken } = useSilentToken(AUDIT_SCOPES);

  const requestConsent = useCallback(async () => {
    if (account) await requestAuditConsent(instance, config, account);
  }, [account, config, instance]);

  return { account, getToken, requestConsent };
}
