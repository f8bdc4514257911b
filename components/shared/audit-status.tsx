"use client";

import { useState } from "react";
import { AlertTriangle, Hourglass, KeyRound, Lock, RefreshCw } from "lucide-react";
import { AuditConsentRequiredError, useAuditToken } from "@/lib/auth/use-audit-token";
import { describeError } from "@/components/feedback/graph-error-panel";
import { toAppError } from "@/lib/queries/graph-action";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";
import { useCountdown } from "./use-countdown";

export const AUDIT_ROLES = "Reports Reader, Security Reader, Security Administrator, Global Reader or Global Administrator";
export const RETENTION_NOTE = "Entra keeps changes for 30 days.";

function Panel({ icon: Icon, tone, compact, children }: { icon: typeof Lock; tone: "muted" | "warn" | "danger"; compact: boolean; children: React.ReactNode }) {
  return (
    <div role={tone === "muted" ? "note" : "alert"} className={cn("flex items-start gap-3 text-sm", compact ? "rounded-md border border-border bg-surface px-3 py-2" : "py-3")}>
      <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", tone === "warn" ? "text-warn" : tone === "danger" ? "text-danger" : "text-muted")} />
      <div className="min-w-0 flex-1 space-y-1">{children}</div>
    </div>
  );
}

function ConsentPrompt({ declined, compact, subject }: { declined: boolean; compact: boolean; subject: string }) {
  const { requestConsent } = useAuditToken();
  const [sending, setSending] = useState(false);
  return (
    <Panel icon={KeyRound} tone="muted" compact={compact}>
      <p className="font-medium">{declined ? "Access to the audit log was not granted." : `${subject} comes from the Entra audit log.`}</p>
      <p className="text-muted">
        Reading it needs one more permission, <span className="font-mono text-xs">AuditLog.Read.All</span> (read audit log data), which the dashboard asks for
        only now. Entra shows you what is requested; you return to this page. The rest of the dashboard works without it.
      </p>
      <Button
        size="sm"
        variant="primary"
        className="mt-1"
        disabled={sending}
        onClick={() => {
          setSending(true);
          void requestConsent().catch(() => setSending(false));
        }}
      >
        <KeyRound aria-hidden className="size-3.5" />
        Allow access to the audit log
      </Button>
    </Panel>
  );
}

function Throttled({ seconds, onRetry, compact, source }: { seconds: number; onRetry: () => void; compact: boolean; source: unknown }) {
  const left = useCountdown(seconds, onRetry, source);
  return (
    <Panel icon={Hourglass} tone="warn" compact={compact}>
      <p className="font-medium">Microsoft Graph is throttling audit log reads</p>
      <p className="text-muted" aria-live="polite">
        Entra allows about 5 audit log requests every 10 seconds. Trying again in {Math.max(0, left ?? 0)} s; what was already read stays on screen.
      </p>
    </Panel>
  );
}

/** Why audit data is missing: consent not yet given, no audit-reading role, throttled (with a countdown), or another Graph error. */
export function AuditStatus({
  error,
  onRetry,
  compact = false,
  subject = "Who changed what",
}: {
  error: unknown;
  onRetry: () => void;
  compact?: boolean;
  /** What the audit log would show here, as the consent prompt names it. */
  subject?: string;
}) {
  if (error instanceof AuditConsentRequiredError) return <ConsentPrompt declined={error.declined} compact={compact} subject={subject} />;
  const appError = toAppError(error);
  if (appError.status === 403) {
    return (
      <Panel icon={Lock} tone="muted" compact={compact}>
        <p className="font-medium">You can&apos;t read the audit log</p>
        <p className="text-muted">
          Seeing who changed what needs one of these roles: {AUDIT_ROLES}. Ask a Privileged Role Administrator to assign one. The rest of the dashboard
          works as before.
        </p>
      </Panel>
    );
  }
  if (appError.status === 429) return <Throttled seconds={appError.retryAfterSeconds ?? 10} onRetry={onRetry} compact={compact} source={error} />;
  const { title } = describeError(appError);
  return (
    <Panel icon={AlertTriangle} tone="danger" compact={compact}>
      <p className="font-medium">The audit log could not be read: {title.charAt(0).toLowerCase() + title.slice(1)}</p>
      <p className="text-muted">
        {appError.message}
        {appError.requestId ? (
          <span className="ml-1 inline-flex items-center gap-1 font-mono text-xs">
            Request ID {appError.requestId}
            <CopyButton value={appError.requestId} label="Copy request ID" />
          </span>
        ) : null}
      </p>
      <Button size="sm" className="mt-1" onClick={onRetry}>
        <RefreshCw aria-hidden className="size-3.5" />
        Try again
      </Button>
    </Panel>
  );
}
