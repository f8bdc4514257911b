"use client";

import { useState } from "react";
import { AlertTriangle, Hourglass, KeyRound, Lock, RefreshCw } from "lucide-react";
import { AuditConsentRequiredError, useAuditToken, type ReportsLog } from "@/lib/auth/use-audit-token";
import { useAccessProfile } from "@/lib/auth/use-access-profile";
import { describeError } from "@/components/feedback/graph-error-panel";
import { toAppError } from "@/lib/queries/graph-action";
import { asClause } from "@/lib/writes/messages";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";
import { useCountdown } from "./use-countdown";

export const AUDIT_ROLES = "Reports Reader, Security Reader, Security Administrator, Global Reader or Global Administrator";
export const RETENTION_NOTE = "Entra keeps changes for 30 days.";
export const PROVISIONING_LOG_ROLES =
  "Reports Reader, Security Reader, Security Operator, Security Administrator, Global Reader, Application Administrator, Cloud Application Administrator or Global Administrator";

/** What each of Entra's reports is called, what reading it needs, and how its pacing is said. */
const LOG_WORDS: Record<ReportsLog, { name: string; declined: string; permissions: React.ReactNode; allow: string; cannot: string; roles: string; purpose: string }> = {
  audit: {
    name: "the Entra audit log",
    declined: "Access to the audit log was not granted.",
    permissions: (
      <>
        one more permission, <span className="font-mono text-xs">AuditLog.Read.All</span> (read audit log data),
      </>
    ),
    allow: "Allow access to the audit log",
    cannot: "You can't read the audit log",
    roles: AUDIT_ROLES,
    purpose: "Seeing who changed what",
  },
  provisioning: {
    name: "the Entra provisioning log",
    declined: "Access to the provisioning log was not granted.",
    permissions: (
      <>
        two more permissions, <span className="font-mono text-xs">AuditLog.Read.All</span> (read audit log data) and{" "}
        <span className="font-mono text-xs">Directory.Read.All</span> (read directory data),
      </>
    ),
    allow: "Allow access to the provisioning log",
    cannot: "You can't read the provisioning log",
    roles: PROVISIONING_LOG_ROLES,
    purpose: "Reading the provisioning log",
  },
};

function Panel({ icon: Icon, tone, compact, children }: { icon: typeof Lock; tone: "muted" | "warn" | "danger"; compact: boolean; children: React.ReactNode }) {
  return (
    <div role={tone === "muted" ? "note" : "alert"} className={cn("flex items-start gap-3 text-sm", compact ? "rounded-md border border-border bg-surface px-3 py-2" : "py-3")}>
      <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", tone === "warn" ? "text-warn" : tone === "danger" ? "text-danger" : "text-muted")} />
      <div className="min-w-0 flex-1 space-y-1">{children}</div>
    </div>
  );
}

function ConsentPrompt({ declined, compact, subject, log }: { declined: boolean; compact: boolean; subject: string; log: ReportsLog }) {
  const { requestConsent } = useAuditToken(log);
  const words = LOG_WORDS[log];
  const [sending, setSending] = useState(false);
  return (
    <Panel icon={KeyRound} tone="muted" compact={compact}>
      <p className="font-medium">{declined ? words.declined : `${subject} comes from ${words.name}.`}</p>
      <p className="text-muted">
        Reading it needs {words.permissions} which the dashboard asks for only now. Entra shows you what is requested; you return to this page. The rest of
        the dashboard works without it.
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
        {words.allow}
      </Button>
    </Panel>
  );
}

function Throttled({ seconds, onRetry, compact, source, log }: { seconds: number; onRetry: () => void; compact: boolean; source: unknown; log: ReportsLog }) {
  const left = useCountdown(seconds, onRetry, source);
  if (log === "provisioning") {
    return (
      <Panel icon={Hourglass} tone="warn" compact={compact}>
        <p className="font-medium" aria-live="polite">
          Throttled by Microsoft Graph: continuing in {Math.max(0, left ?? 0)} s
        </p>
        <p className="text-muted">Entra allows about 5 provisioning log requests every 10 seconds; what was already read stays on screen.</p>
      </Panel>
    );
  }
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
  log = "audit",
}: {
  error: unknown;
  onRetry: () => void;
  compact?: boolean;
  /** What the audit log would show here, as the consent prompt names it. */
  subject?: string;
  /** Which report is read: the audit log (default) or the provisioning log. */
  log?: ReportsLog;
}) {
  const words = LOG_WORDS[log];
  const profile = useAccessProfile();
  // Consent would not help a sign-in with no directory role at all: say which roles may read the log instead of asking for it.
  const noReportsRole = profile?.auditRead === "denied";
  if (error instanceof AuditConsentRequiredError && !noReportsRole) return <ConsentPrompt declined={error.declined} compact={compact} subject={subject} log={log} />;
  const appError = toAppError(error);
  if (noReportsRole || appError.status === 403) {
    return (
      <Panel icon={Lock} tone="muted" compact={compact}>
        <p className="font-medium">{words.cannot}</p>
        <p className="text-muted">
          {words.purpose} needs one of these roles: {words.roles}. Ask a Privileged Role Administrator to assign one.
        </p>
      </Panel>
    );
  }
  if (appError.status === 429) return <Throttled seconds={appError.retryAfterSeconds ?? 10} onRetry={onRetry} compact={compact} source={error} log={log} />;
  const { title } = describeError(appError);
  return (
    <Panel icon={AlertTriangle} tone="danger" compact={compact}>
      <p className="font-medium">{log === "provisioning" ? "The provisioning log" : "The audit log"} could not be read: {asClause(title)}</p>
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
