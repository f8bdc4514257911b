"use client";

import { AlertTriangle, Lock, RefreshCw, WifiOff } from "lucide-react";
import type { AppError } from "@/lib/core/result";
import { toAppError } from "@/lib/queries/graph-action";
import { isServerUnreachable, UNREACHABLE } from "@/lib/writes/messages";
import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";

export function describeError(error: AppError): { title: string; hint: string | null } {
  if (error.code === "NotSupportedInCloud") {
    return { title: "Deleted items are not available in this Microsoft cloud", hint: "Microsoft Graph documents deleted items and restore for the global cloud only." };
  }
  if (error.code === "InvalidArgument") return { title: "The request was not valid", hint: null };
  switch (error.status) {
    case 401:
      return { title: "Your session has ended", hint: "Sign in again to continue; you will come back to this page." };
    case 403:
      return {
        title: "You don't have permission to read cross-tenant sync settings",
        hint: "Reading needs Security Reader, Global Reader, Security Administrator or Global Administrator, and the Policy.Read.All permission. Ask a Privileged Role Administrator for one of these roles.",
      };
    case 429:
      return { title: "Microsoft Graph is throttling requests", hint: "Wait a moment, then try again." };
    case 503:
    case 504:
      return { title: "Microsoft Graph is temporarily unavailable", hint: "This is usually brief. Try again in a minute." };
    case 0:
      if (isServerUnreachable(error)) return { title: UNREACHABLE.server, hint: "Check the connection, then try again." };
      return {
        title: error.code === "Timeout" ? "Microsoft Graph did not answer in time" : UNREACHABLE.graph,
        hint: "Check the network or the service health page, then try again.",
      };
    default:
      return { title: "Microsoft Graph returned an error", hint: null };
  }
}

export function GraphErrorPanel({ error, onRetry, context }: { error: unknown; onRetry?: () => void; context: string }) {
  const appError = toAppError(error);
  const { title, hint } = describeError(appError);
  const Icon = appError.status === 403 || appError.status === 401 ? Lock : appError.status === 0 ? WifiOff : AlertTriangle;
  return (
    <div role="alert" className="rounded-lg border border-border bg-surface p-5">
      <div className="flex items-start gap-3">
        <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div className="min-w-0 flex-1 space-y-1">
          <p className="font-semibold">{title}</p>
          <p className="text-muted">
            {context} {hint}
          </p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs text-muted">
            <dt>{isServerUnreachable(appError) ? "Details" : "Graph says"}</dt>
            <dd className="break-words text-fg">
              {appError.message} {appError.code ? <code className="font-mono">({appError.code})</code> : null}
            </dd>
            {appError.status ? (
              <>
                <dt>Status</dt>
                <dd className="text-fg">{appError.status}</dd>
              </>
            ) : null}
            {appError.requestId ? (
              <>
                <dt>Request ID</dt>
                <dd className="flex items-center gap-1 font-mono text-fg">
                  {appError.requestId}
                  <CopyButton value={appError.requestId} label="Copy request ID" />
                </dd>
              </>
            ) : null}
          </dl>
          {onRetry && appError.status !== 403 ? (
            <Button className="mt-3" size="sm" onClick={onRetry}>
              <RefreshCw aria-hidden className="size-3.5" />
              Try again
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
