"use client";

import Link from "next/link";
import { RotateCcw, X } from "lucide-react";
import { describeWriteOutcome, finishRestLabel, sendingMessage, lostContactSummary, retryCountdownText, WRITE_NOTICES } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS, isSettledOutcome, type OutcomeKind, type WriteOutcome } from "@/lib/writes/outcome";
import { Button } from "@/components/ui/button";
import { OutcomeIcon } from "./outcome-icon";
import { RetryCountdown } from "./retry-countdown";
import type { WriteRunState } from "./use-write-run";

/** After these the partner page has something to show about the row. */
const LEADS_TO_PARTNER: ReadonlySet<OutcomeKind> = new Set(["done", "already-done", "conflict"]);

/**
 * The per-row outcomes of a view's write runs, with the throttling countdown and "Retry failed".
 * When the dashboard's server lost a run's answer it says so, with counts from reads of Graph,
 * and offers to send only the rows Graph shows not done.
 */
export function WriteResults<TItem>({
  title,
  flow,
  canRetry,
  linkToPartner = false,
}: {
  /** "Restore results": the panel's heading and its region name. */
  title: string;
  flow: WriteRunState<TItem>;
  canRetry: boolean;
  linkToPartner?: boolean;
}) {
  const { run } = flow;
  if (!run) return null;
  // The run's words: while a resend is counted down, a throttled row says it goes again automatically.
  const context = flow.messageContext;
  // A row sent again is on its way: what Graph said to the earlier try no longer holds. One being checked says that.
  const describe = (outcome: WriteOutcome) =>
    outcome.tenantId.toLowerCase() in flow.sending && outcome.kind !== "checking" ? sendingMessage(outcome.write) : describeWriteOutcome(outcome, context);
  const counts = new Map<string, number>();
  for (const outcome of run.outcomes) {
    const label = describe(outcome).label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const checking = run.outcomes.filter((outcome) => outcome.kind === "checking").length;
  const lostContact = run.outcomes.some((outcome) => outcome.answerLost) && (checking > 0 || flow.retryable.length > 0);
  const summary = lostContact
    ? lostContactSummary(flow.write, { done: run.outcomes.filter(isSettledOutcome).length, notYet: flow.retryable.length, checking })
    : [...counts.entries()].map(([label, count]) => `${label}: ${count}`).join(" · ");
  return (
    <section aria-label={title} className="rounded-lg border border-border bg-surface">
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">{title}</h2>
        <p className={lostContact ? "text-fg" : "text-muted"} role="status">
          {summary}
          {checking > 0 ? <span className="block text-xs text-muted">{WRITE_NOTICES.checkingPanel}</span> : null}
        </p>
        <div className="ml-auto flex items-center gap-2">
          {run.retryAt !== null ? (
            <p role="timer" aria-live="off" className="text-[13px] text-warn">
              <RetryCountdown retryAt={run.retryAt} format={(seconds) => WRITE_NOTICES.throttledPanel(retryCountdownText(seconds, run.autoRound, AUTO_RETRY_ROUNDS))} />
            </p>
          ) : flow.retryable.length > 0 && checking === 0 ? (
            <Button size="sm" variant="primary" onClick={() => void flow.retryFailed()} disabled={flow.pending || !canRetry}>
              <RotateCcw aria-hidden className="size-3.5" />
              {lostContact ? finishRestLabel(flow.write, flow.retryable.length) : `Retry failed (${flow.retryable.length})`}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={flow.dismiss} aria-label={`Dismiss ${title.toLowerCase()}`}>
            <X aria-hidden className="size-3.5" />
          </Button>
        </div>
      </div>
      <ul className="divide-y divide-border">
        {run.outcomes.map((outcome) => {
          const message = describe(outcome);
          return (
            <li key={outcome.tenantId} className="flex items-start gap-2 px-4 py-2 text-[13px]" data-outcome={outcome.kind}>
              <OutcomeIcon tone={message.tone} />
              <div className="min-w-0 flex-1">
                <span className="font-medium">{run.names[outcome.tenantId.toLowerCase()] ?? outcome.tenantId}</span>{" "}
                <span className="font-mono text-xs text-muted">{outcome.tenantId}</span>
                <span className="ml-2 font-medium">{message.label}</span>
                {outcome.attempts > 1 ? <span className="ml-1 text-muted">after {outcome.attempts} attempts</span> : null}
                <p className="text-muted">{message.detail}</p>
              </div>
              {linkToPartner && LEADS_TO_PARTNER.has(outcome.kind) ? (
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
