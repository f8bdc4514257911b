/**
 * Incremental consent for the audit log. AuditLog.Read.All is never part of
 * sign-in: it is asked for the first time audit data is needed, silently when
 * the user (or an administrator) already consented, otherwise through Entra's
 * consent prompt on a redirect that returns to the same URL.
 */
import { AuthError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import type { PublicAuthConfig } from "@/lib/config/runtime";

export const AUDIT_SCOPE_NAME = "AuditLog.Read.All";
/** The provisioning log needs directory reads beside the audit log permission. */
export const PROVISIONING_LOG_SCOPE_NAMES = [AUDIT_SCOPE_NAME, "Directory.Read.All"] as const;

const PENDING_KEY = "ctsd.audit-consent-pending";
const DECLINED_KEY = "ctsd.audit-consent-declined";

function onGraph(config: Pick<PublicAuthConfig, "graphScopes">, names: readonly string[]): string[] {
  const [first] = config.graphScopes;
  const resource = first ? new URL(first).origin : "https://graph.microsoft.com";
  return names.map((name) => `${resource}/${name}`);
}

/** On the same resource as the sign-in scopes (the cloud's Graph root). */
export function auditScopes(config: Pick<PublicAuthConfig, "graphScopes">): string[] {
  return onGraph(config, [AUDIT_SCOPE_NAME]);
}

/** The provisioning log's scopes, on the same resource. */
export function provisioningLogScopes(config: Pick<PublicAuthConfig, "graphScopes">): string[] {
  return onGraph(config, PROVISIONING_LOG_SCOPE_NAMES);
}

/** Sends the user to Entra's consent prompt for the audit log (or the given scopes); they come back to the page they are on. */
export async function requestAuditConsent(instance: IPublicClientApplication, config: PublicAuthConfig, account: AccountInfo, scopes: string[] = auditScopes(config)): Promise<void> {
  window.sessionStorage.setItem(PENDING_KEY, "1");
  window.sessionStorage.removeItem(DECLINED_KEY);
  await instance.acquireTokenRedirect({ scopes, account, redirectStartPage: window.location.href });
}

/**
 * Called with the outcome of handleRedirectPromise. A redirect that answered our
 * consent prompt with an error (Cancel, or consent refused) is remembered as
 * declined and swallowed, so the console carries on; returns true then.
 */
export function settleAuditConsentRedirect(error: unknown): boolean {
  const pending = window.sessionStorage.getItem(PENDING_KEY) !== null;
  window.sessionStorage.removeItem(PENDING_KEY);
  if (!pending || !(error instanceof AuthError)) return false;
  window.sessionStorage.setItem(DECLINED_KEY, error.errorCode || "declined");
  return true;
}

export function auditConsentDeclined(): boolean {
  return typeof window !== "undefined" && window.sessionStorage.getItem(DECLINED_KEY) !== null;
}

/** A token with the audit scope arrived: nothing is pending or declined any more. */
export function auditConsentGranted(): void {
  window.sessionStorage.removeItem(PENDING_KEY);
  window.sessionStorage.removeItem(DECLINED_KEY);
}
