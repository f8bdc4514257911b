"use client";

/**
 * Runs one kind of write over rows of a view (restore, purge): the per-row
 * outcomes of the runs so far, throttled rows counted down and resent by the
 * shared resend loop, "Retry failed" after a re-read proved what is still to do,
 * one row's outcome announced like any single write, and a failed call explained once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { WRITE_NOTICES, type OutcomeContext } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS, isRetryableOutcome, mergeOutcomes, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { createResendLoop, type ResendLoop } from "./resend-loop";
import { announceOutcome, useAnnounceWriteError, useOutcomeContext, type ToastAction } from "./write-toast";
import { showToast } from "./toast-card";

export interface WriteRun<TItem> {
  outcomes: WriteOutcome[];
  /** Rows sent, by lower-case tenant id, so throttled and failed ones can be sent again. */
  items: Record<string, TItem>;
  names: Record<string, string>;
  /** When throttled rows are resent automatically, as epoch ms; null when nothing waits. */
  retryAt: number | null;
  /** Which automatic resend the countdown leads to (0: the first). */
  autoRound: number;
}

export interface WriteRunOptions<TItem> {
  write: WriteKind;
  send: (items: TItem[]) => Promise<WriteOutcome[]>;
  tenantIdOf: (item: TItem) => string;
  nameOf: (item: TItem) => string;
  /** Re-reads Graph: the lower-case tenant ids this write still has to do (for example, those still in deleted items). */
  stillToDo: () => Promise<Set<string>>;
  /** What a done row's toast offers next (Open partner). */
  actionFor?: (outcome: WriteOutcome) => ToastAction | undefined;
  /** Every run's outcomes, automatic resends included. */
  onSettled?: (outcomes: WriteOutcome[]) => void;
}

const key = (tenantId: string) => tenantId.toLowerCase();

export function useWriteRun<TItem>(options: WriteRunOptions<TItem>) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const announceError = useAnnounceWriteError();
  const context = useOutcomeContext();
  const said = useRef<{ context: OutcomeContext; announceError: typeof announceError }>({ context, announceError });
  useEffect(() => {
    said.current = { context, announceError };
  });
  const [run, setRun] = useState<WriteRun<TItem> | null>(null);
  const [pending, setPending] = useState(0);

  // Made on first use, outside render: the loop outlives renders and holds the waiting resend.
  const loopRef = useRef<ResendLoop<TItem> | null>(null);
  const contextAtSend = useRef<OutcomeContext>(context);
  const loop = useCallback((): ResendLoop<TItem> => {
    loopRef.current ??= createResendLoop<TItem>({
      keyOf: (item) => latest.current.tenantIdOf(item),
      send: async (items) => {
        // A refusal is explained as the sign-in stood when the write went out, not by the hint it just taught.
        contextAtSend.current = said.current.context;
        setPending((count) => count + 1);
        try {
          return await latest.current.send(items);
        } finally {
          setPending((count) => count - 1);
        }
      },
      onSent: (outcomes, items) => {
        const { tenantIdOf, nameOf, actionFor, onSettled } = latest.current;
        const names = Object.fromEntries(items.map((item) => [key(tenantIdOf(item)), nameOf(item)]));
        const byId = Object.fromEntries(items.map((item) => [key(tenantIdOf(item)), item]));
        // Runs accumulate: a second action never hides the first one's results or its pending resends.
        const next = loopRef.current?.scheduled() ?? null;
        setRun((previous) => ({
          outcomes: previous ? mergeOutcomes(previous.outcomes, outcomes) : outcomes,
          items: { ...previous?.items, ...byId },
          names: { ...previous?.names, ...names },
          retryAt: next?.at ?? null,
          autoRound: next?.round ?? previous?.autoRound ?? 0,
        }));
        const [only] = outcomes;
        if (items.length === 1 && only && only.kind !== "throttled") {
          announceOutcome(only, { name: names[key(only.tenantId)] ?? only.tenantId }, contextAtSend.current, actionFor?.(only));
        }
        onSettled?.(outcomes);
      },
      onSchedule: (next) => setRun((previous) => (previous ? { ...previous, retryAt: next?.at ?? null, autoRound: next?.round ?? previous.autoRound } : previous)),
      onError: (error) => void said.current.announceError(error, latest.current.write),
    });
    return loopRef.current;
  }, []);
  useEffect(() => () => loopRef.current?.cancel(), []);

  const start = useCallback((items: TItem[]) => loop().start(items), [loop]);

  const retryFailed = useCallback(async () => {
    const current = run;
    if (!current) return;
    // Re-read first: an unknown outcome may have been done after all, and it must not be sent twice.
    let stillToDo: Set<string>;
    try {
      stillToDo = await latest.current.stillToDo();
    } catch {
      showToast({ tone: "error", title: WRITE_NOTICES.rereadFailed });
      return;
    }
    const failed = current.outcomes
      .filter(isRetryableOutcome)
      .filter((outcome) => stillToDo.has(key(outcome.tenantId)))
      .map((outcome) => current.items[key(outcome.tenantId)])
      .filter((item): item is TItem => item !== undefined);
    if (failed.length === 0) {
      showToast({ tone: "info", title: WRITE_NOTICES.nothingToResend });
      return;
    }
    // A resend the admin asked for is not throttled again automatically.
    await loop().start(failed, AUTO_RETRY_ROUNDS);
  }, [loop, run]);

  const dismiss = useCallback(() => {
    loopRef.current?.cancel();
    setRun(null);
  }, []);
  const retryable = useMemo(() => run?.outcomes.filter(isRetryableOutcome) ?? [], [run]);
  const busy = pending > 0;

  return useMemo(
    () => ({ start, run, dismiss, retryFailed, pending: busy, retryable, messageContext: context }),
    [start, run, dismiss, retryFailed, busy, retryable, context],
  );
}

export type WriteRunState<TItem> = ReturnType<typeof useWriteRun<TItem>>;
