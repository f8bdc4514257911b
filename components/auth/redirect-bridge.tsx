"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

/** MSAL 5's redirect bridge: hands the sign-in answer back to the app, outside the MSAL provider. */
export function RedirectBridge() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    broadcastResponseToMainFrame().catch(() => setFailed(true));
  }, []);
  return (
    <main className="grid min-h-screen place-items-center p-6 text-sm text-muted">
      {failed ? (
        <p role="alert">
          The sign-in answer could not be read. <Link className="text-accent underline" href="/partners">Return to the dashboard</Link>
        </p>
      ) : (
        <p role="status">Completing sign-in…</p>
      )}
    </main>
  );
}
