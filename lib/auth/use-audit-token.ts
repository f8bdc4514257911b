"use client";

/**
 * Tokens for the audit log, kept apart from useGraphToken: a missing consent
 * must not send the user through sign-in again, only show the consent prompt.
 */
import { useCallback } from "react";
import { useMsal } from "@azure/msal-react";
import { useAuthConfig } from "./auth-config-context";
import { auditConsentDeclined, auditScopes, auditConsentGranted, provisioningLogScopes, requestAuditConsent } from "./audit-consent";
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

const PROVISIONING_LOG_SCOPES: TokenScopeSet = { ...AUDIT_SCOPES, scopes: provisioningLogScopes };

/** Which of Entra's reports a view reads: the audit log, or the provisioning log (which also needs Directory.Read.All). */
export type ReportsLog = "audit" | "provisioning";

export function useAuditToken(log: ReportsLog = "audit") {
  const { instance } = useMsal();
  const config = useAuthConfig();
  const scopeSet = log === "provisioning" ? PROVISIONING_LOG_SCOPES : AUDIT_SCOPES;
  const { account, getToken } = useSilentToken(scopeSet);

  const requestConsent = useCallback(async () => {
    if (account) await requestAuditConsent(instance, config, account, scopeSet.scopes(config));
  }, [account, config, instance, scopeSet]);

  return { account, getToken, requestConsent };
}
