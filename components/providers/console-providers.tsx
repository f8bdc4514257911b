"use client";

/**
 * Owns the client-side plumbing of the console: one MSAL instance per tab,
 * one QueryClient per tab, toasts. MSAL needs `window`, so nothing under it
 * renders on the server.
 */
import { useEffect, useState } from "react";
import { MsalProvider } from "@azure/msal-react";
import { QueryClientProvider } from "@tanstack/react-query";
import type { PublicClientApplication } from "@azure/msal-browser";
import { Toaster } from "sonner";
import type { PublicAuthConfig } from "@/lib/config";
import { AuthConfigProvider } from "@/lib/auth/auth-config-context";
import { getMsalInstance } from "@/lib/auth/msal-instance";
import { settleAuditConsentRedirect } from "@/lib/auth/audit-consent";
import { makeQueryClient } from "@/lib/queries/query-client";
import { AuthGate } from "@/components/auth/auth-gate";
import { FullPageStatus } from "@/components/feedback/full-page-status";

export function ConsoleProviders({ authConfig, children }: { authConfig: PublicAuthConfig; children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [msal, setMsal] = useState<PublicClientApplication | null>(null);
  const [startupError, setStartupError] = useState<string | null>(null);

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
      if (!cancelled) setMsal(instance);
    })().catch((error: unknown) => {
      if (!cancelled) setStartupError(error instanceof Error ? error.message : "Sign-in could not start.");
    });
    return () => {
      cancelled = true;
    };
  }, [authConfig]);

  if (startupError) {
    return <FullPageStatus tone="error" title="Sign-in could not complete" detail={startupError} action={{ label: "Try again", href: "/partners" }} />;
  }
  if (!msal) return <FullPageStatus title="Starting…" />;

  return (
    <AuthConfigProvider value={authConfig}>
      <MsalProvider instance={msal}>
        <QueryClientProvider client={queryClient}>
          <AuthGate>{children}</AuthGate>
          <Toaster position="bottom-right" closeButton richColors={false} toastOptions={{ className: "text-sm" }} />
        </QueryClientProvider>
      </MsalProvider>
    </AuthConfigProvider>
  );
}
