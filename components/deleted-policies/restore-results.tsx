"use client";

import Link from "next/link";
import { RotateCcw, X } from "lucide-react";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import { Button } from "@/components/ui/button";
import { OutcomeIcon } from "./outcome-badge";
import { AUTO_RETRY_ROUNDS, type RestoreRun } from "./use-restore-flow";

export function RestoreResults({
  run,
  retryableCount,
  retryInSeconds,
  onRetryFailed,
  onDismiss,
  retryDisabled,
  messageContext,
}: {
  run: RestoreRun;
  retryableCount: number;
  retryInSeconds: number;
  onRetryFailed: () => void;
  onDismiss: () => void;
  retryDisabled: boolean;
  messageContext: OutcomeContext;
}) {
  const counts = new Map<string, number>();
  for (const outcome of run.outcomes) {
    const label = describeWriteOutcome(outcome, messageContext).label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (
    <section aria-label="Restore results" className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">Restore results</h2>
        <p className="text-muted" role="status">
          {[...counts.entries()].map(([label, count]) => `${label}: ${count}`).join(" · ")}
        </p>
        <div className="ml-auto flex items-center gap-2">
          {run.retryAt !== null ? (
            <p role="timer" aria-live="off" className="text-[13px] text-warn">
              Graph is throttling: retrying automatically in {retryInSeconds} s (round {run.autoRound + 1} of {AUTO_RETRY_ROUNDS})
            </p>
          ) : retryableCount > 0 ? (
            <Button size="sm" variant="primary" onClick={onRetryFailed} disabled={retryDisabled}>
              <RotateCcw aria-hidden className="size-3.5" />
              Retry failed ({retryableCount})
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss restore results">
            <X aria-hidden className="size-3.5" />
          </Button>
        </div>
      </div>
      <ul className="max-h-72 divide-y divide-border overflow-auto">
        {run.outcomes.map((outcome) => {
          const message = describeWriteOutcome(outcome, messageContext);
          const name = run.names[outcome.tenantId.toLowerCase()] ?? outcome.tenantId;
          return (
            <li key={outcome.tenantId} className="flex items-start gap-2 px-4 py-2 text-[13px]" data-outcome={outcome.kind}>
              <OutcomeIcon tone={message.tone} />
              <div className="min-w-0 flex-1">
                <span className="font-medium">{name}</span> <span className="font-mono text-xs text-muted">{outcome.tenantId}</span>
                <span className="ml-2 font-medium">{message.label}</span>
                {outcome.attempts > 1 ? <span className="ml-1 text-muted">after {outcome.attempts} attempts</span> : null}
                <p className="text-muted">{message.detail}</p>
              </div>
              {outcome.kind === "done" || outcome.kind === "already-done" || outcome.kind === "conflict" ? (
                <Link href={`/partners/${outcome.tenantId}`} className="shrink-0 text-accent hover:underline">
                  Open partner
                </Link>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
