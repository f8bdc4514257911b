"use client";

/**
 * Owns the client-side plumbing of the console: one MSAL instance per tab,
 * one QueryClient per tab persisted per account in sessionStorage, toasts.
 * MSAL needs `window`, so nothing under it renders on the server.
 */
import { useEffect, useMemo, useState } from "react";
import { MsalProvider } from "@azure/msal-react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { EventType, type PublicClientApplication } from "@azure/msal-browser";
import { Toaster } from "sonner";
import type { PublicAuthConfig } from "@/lib/config/runtime";
import { AuthConfigProvider } from "@/lib/auth/auth-config-context";
import { getMsalInstance } from "@/lib/auth/msal-instance";
import { settleAuditConsentRedirect } from "@/lib/auth/audit-consent";
import { forgetDenials } from "@/lib/auth/permission-denials";
import { settleSignedInAccount, signedInAccountId } from "@/lib/auth/account-storage";
import { makeQueryClient } from "@/lib/queries/query-client";
import { persistOptions } from "@/lib/queries/persist";
import { AuthGate } from "@/components/auth/auth-gate";
import { FullPageStatus } from "@/components/feedback/full-page-status";

/**
 * The one place the console acts on who is signed in (start-up, sign-out, an account switch):
 * everything kept for any other account, in storage or in memory, is forgotten. Storage first,
 * so nothing the query client writes while it empties can land under the old account. MSAL also
 * reports other tabs' account changes; this tab's own account is what counts.
 */
function forgetAccountsOtherThan(accountId: string | null, queryClient: QueryClient) {
  if (accountId !== null && accountId === signedInAccountId()) return;
  settleSignedInAccount(accountId);
  forgetDenials();
  queryClient.clear();
}

export function ConsoleProviders({ authConfig, children }: { authConfig: PublicAuthConfig; children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [msal, setMsal] = useState<PublicClientApplication | null>(null);
  const [startupError, setStartupError] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const instance = getMsalInstance(authConfig);
    (async () => {
      await instance.initialize();
      // A declined audit-log consent comes back as a redirect error: the console carries on without it.
      const redirectResult = await instance.handleRedirectPromise().catch((error: unknown) => (settleAuditConsentRedirect(error) ? null : Promise.reject(error)));
      if (redirectResult?.account) instance.setActiveAccount(redirectResult.account);
      else if (!instance.getActiveAccount()) {
        const [first] = instance.getAllAccounts();
        if (first) instance.setActiveAccount(first);
      }
      if (cancelled) return;
      const signedIn = instance.getActiveAccount();
      if (signedIn) {
        // Whoever was signed in earlier in this tab (a session that expired, then someone else signed
        // in) leaves nothing behind: not their tokens, not their cached data, selections or names.
        const others = instance.getAllAccounts().filter((account) => account.homeAccountId !== signedIn.homeAccountId);
        await Promise.all(others.map((account) => instance.clearCache({ account })));
        if (cancelled) return;
        forgetAccountsOtherThan(signedIn.homeAccountId, queryClient);
      }
      setAccountId(signedIn?.homeAccountId ?? null);
      setMsal(instance);
    })().catch((error: unknown) => {
      if (!cancelled) setStartupError(error instanceof Error ? error.message : "Sign-in could not start.");
    });
    return () => {
      cancelled = true;
    };
  }, [authConfig, queryClient]);

  useEffect(() => {
    if (!msal) return;
    const callbackId = msal.addEventCallback((event) => {
      if (event.eventType === EventType.LOGOUT_START) {
        forgetAccountsOtherThan(null, queryClient);
      } else if (event.eventType === EventType.ACTIVE_ACCOUNT_CHANGED) {
        const next = msal.getActiveAccount()?.homeAccountId ?? null;
        forgetAccountsOtherThan(next, queryClient);
        setAccountId(next);
      }
    });
    return () => {
      if (callbackId) msal.removeEventCallback(callbackId);
    };
  }, [msal, queryClient]);

  const persist = useMemo(() => (accountId ? persistOptions(accountId) : null), [accountId]);

  if (startupError) {
    return <FullPageStatus tone="error" title="Sign-in could not complete" detail={startupError} action={{ label: "Try again", href: "/partners" }} />;
  }
  if (!msal) return <FullPageStatus title="Starting…" />;

  const gated = (
    <>
      <AuthGate>{children}</AuthGate>
      <Toaster position="bottom-right" closeButton richColors={false} toastOptions={{ className: "text-sm" }} />
    </>
  );

  return (
    <AuthConfigProvider value={authConfig}>
      <MsalProvider instance={msal}>
        {persist ? (
          <PersistQueryClientProvider
            key={accountId}
            client={queryClient}
            persistOptions={persist}
            // What was stored paints at once; every view still re-reads it from Graph in the background.
            onSuccess={() => void queryClient.invalidateQueries({ queryKey: ["graph"] })}
          >
            {gated}
          </PersistQueryClientProvider>
        ) : (
          <QueryClientProvider client={queryClient}>{gated}</QueryClientProvider>
        )}
      </MsalProvider>
    </AuthConfigProvider>
  );
}
