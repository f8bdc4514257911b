"use client";

import { useEffect, useRef, useState } from "react";
import { useMsal } from "@azure/msal-react";
import { InteractionStatus } from "@azure/msal-browser";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { redirectToSignIn } from "@/lib/auth/interactive-sign-in";
import { FullPageStatus } from "@/components/feedback/full-page-status";

/** Sends visitors without an account through sign-in; they come back to the URL they asked for. */
export function AuthGate({ children }: { children: React.ReactNode }) {
  const { instance, accounts, inProgress } = useMsal();
  const config = useAuthConfig();
  const started = useRef(false);
  const [blocked, setBlocked] = useState(false);
  const signedIn = accounts.length > 0;

  useEffect(() => {
    if (signedIn || inProgress !== InteractionStatus.None || started.current) return;
    started.current = true;
    redirectToSignIn(instance, config)
      .then((redirected) => setBlocked(!redirected))
      .catch(() => setBlocked(true));
  }, [signedIn, inProgress, instance, config]);

  if (signedIn) return <>{children}</>;
  if (blocked) {
    return (
      <FullPageStatus
        tone="error"
        title="Sign-in did not complete"
        detail="The last attempt came back without an account. Try again, or check the app registration's redirect URI."
        action={{ label: "Sign in", onClick: () => void redirectToSignIn(instance, config, { prompt: "select_account" }) }}
      />
    );
  }
  return <FullPageStatus title="Signing you in…" />;
}
