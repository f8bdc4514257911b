"use client";

import { KeyRound, Lock } from "lucide-react";
import { SyncConsentRequiredError, useSyncToken } from "@/lib/auth/use-sync-token";
import { SYNC_READ_DENIED } from "@/lib/outbound/access";
import { toAppError } from "@/lib/queries/graph-action";
import { Button } from "@/components/ui/button";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";

/** Sync jobs refused (403): which role they need. Graph's refusal has the last word over any hint. */
export function SyncRoleNeeded({ requestId }: { requestId?: string | null }) {
  return (
    <div role="alert" className="rounded-lg border border-border bg-surface p-5">
      <div className="flex items-start gap-3">
        <Lock aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div className="space-y-1">
          <p className="font-semibold">Sync jobs need an application role</p>
          <p className="text-muted">{SYNC_READ_DENIED}</p>
          {requestId ? <p className="text-xs text-muted">Request ID: {requestId}</p> : null}
        </div>
      </div>
    </div>
  );
}

function ConsentNeeded() {
  const { requestConsent } = useSyncToken();
  return (
    <div role="alert" className="rounded-lg border border-border bg-surface p-5">
      <div className="flex items-start gap-3">
        <KeyRound aria-hidden className="mt-0.5 size-5 shrink-0 text-accent" />
        <div className="space-y-2">
          <p className="font-semibold">Allow the dashboard to read sync configurations</p>
          <p className="text-muted">
            Sync jobs are read with Synchronization.ReadWrite.All, Application.Read.All and User.ReadBasic.All, which the dashboard does not ask for at sign-in. Entra asks
            you (or an administrator) once, then brings you back here.
          </p>
          <Button variant="primary" onClick={() => void requestConsent()}>
            Allow access to sync configurations
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Why sync configurations could not be read: consent missing, the role missing, or what Graph said. */
export function SyncReadProblem({ error, onRetry, context }: { error: unknown; onRetry: () => void; context: string }) {
  if (error instanceof SyncConsentRequiredError) return <ConsentNeeded />;
  const appError = toAppError(error);
  if (appError.status === 403) return <SyncRoleNeeded requestId={appError.requestId} />;
  return <GraphErrorPanel error={error} onRetry={onRetry} context={context} />;
}
