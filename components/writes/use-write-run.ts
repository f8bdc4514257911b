"use client";

/**
 * Runs one kind of write over rows of a view (restore, purge): the per-row
 * outcomes of the runs so far, throttled rows counted down and resent by the
 * shared resend loop, "Retry failed" after a re-read proved what is still to do,
 * one row's outcome announced like any single write, and a failed call explained once.
 * Rows whose answer the dashboard's server lost show as checking until Graph says.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isServerUnreachable, WRITE_NOTICES, type OutcomeContext } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS, checkingOutcome, isRetryableOutcome, mergeOutcomes, rowsToResend, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { toAppError } from "@/lib/queries/graph-action";
import { useCheckingIds } from "@/lib/queries/write-checks";
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
type ByKey<TItem> = Record<string, TItem>;
const without = <T,>(record: Record<string, T>, ids: readonly string[]): Record<string, T> => {
  const gone = new Set(ids);
  return Object.fromEntries(Object.entries(record).filter(([id]) => !gone.has(id)));
};

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
  // Rows on their way (by lower-case tenant id; a view keeps them listed, marked, until Graph answers),
  // and those of them whose answer was lost: shown as checking until their outcome lands.
  const [sending, setSending] = useState<ByKey<TItem>>({});
  const [lost, setLost] = useState<ByKey<{ item: TItem; outcome: WriteOutcome; name: string }>>({});
  const checkingNow = useCheckingIds(options.write);
  const newlyLost = Object.entries(sending).filter(([id]) => checkingNow.has(id) && !(id in lost));
  // Kept until the outcome replaces them, so the rows never blink out between the two.
  if (newlyLost.length > 0) {
    const marked = newlyLost.map(([id, item]) => [id, { item, outcome: checkingOutcome(options.write, options.tenantIdOf(item), null), name: options.nameOf(item) }] as const);
    setLost((previous) => ({ ...previous, ...Object.fromEntries(marked) }));
  }

  // Made on first use, outside render: the loop outlives renders and holds the waiting resend.
  const loopRef = useRef<ResendLoop<TItem> | null>(null);
  const settle = useCallback((ids: string[]) => {
    setSending((previous) => without(previous, ids));
    setLost((previous) => without(previous, ids));
  }, []);
  const contextAtSend = useRef<OutcomeContext>(context);
  const loop = useCallback((): ResendLoop<TItem> => {
    loopRef.current ??= createResendLoop<TItem>({
      keyOf: (item) => latest.current.tenantIdOf(item),
      send: async (items) => {
        // A refusal is explained as the sign-in stood when the write went out, not by the hint it just taught.
        contextAtSend.current = said.current.context;
        setPending((count) => count + 1);
        setSending((previous) => ({ ...previous, ...Object.fromEntries(items.map((item) => [key(latest.current.tenantIdOf(item)), item])) }));
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
        settle(Object.keys(byId));
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
      onError: (error, items) => {
        settle(items.map((item) => key(latest.current.tenantIdOf(item))));
        void said.current.announceError(error, latest.current.write);
      },
    });
    return loopRef.current;
  }, [settle]);
  useEffect(() => () => loopRef.current?.cancel(), []);

  const start = useCallback((items: TItem[]) => loop().start(items), [loop]);

  const retryFailed = useCallback(async () => {
    const current = run;
    if (!current) return;
    // Re-read first: an unknown outcome may have been done after all, and it must not be sent twice.
    let stillToDo: Set<string>;
    try {
      stillToDo = await latest.current.stillToDo();
    } catch (error) {
      showToast({ tone: "error", title: WRITE_NOTICES.rereadFailed(isServerUnreachable(toAppError(error))) });
      return;
    }
    const failed = rowsToResend(current.outcomes, stillToDo)
      .map((tenantId) => current.items[key(tenantId)])
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
  // What the panel shows: the outcomes so far, with the rows being checked in place of theirs.
  const shown = useMemo((): WriteRun<TItem> | null => {
    const checking = Object.entries(lost);
    if (checking.length === 0) return run;
    const ids = new Set(checking.map(([id]) => id));
    return {
      outcomes: [...(run?.outcomes ?? []).filter((outcome) => !ids.has(key(outcome.tenantId))), ...checking.map(([, row]) => row.outcome)],
      items: { ...run?.items, ...Object.fromEntries(checking.map(([id, row]) => [id, row.item])) },
      names: { ...run?.names, ...Object.fromEntries(checking.map(([id, row]) => [id, row.name])) },
      retryAt: run?.retryAt ?? null,
      autoRound: run?.autoRound ?? 0,
    };
  }, [run, lost]);
  const retryable = useMemo(() => shown?.outcomes.filter(isRetryableOutcome) ?? [], [shown]);
  const busy = pending > 0;
  const { write } = options;
  // While a resend is counted down, a throttled row says it goes again automatically, as the countdown does.
  const retryAt = shown?.retryAt ?? null;
  const messageContext = useMemo(() => (retryAt !== null ? { ...context, resendScheduled: true } : context), [context, retryAt]);

  return useMemo(
    () => ({ write, start, run: shown, sending, dismiss, retryFailed, pending: busy, retryable, messageContext }),
    [write, start, shown, sending, dismiss, retryFailed, busy, retryable, messageContext],
  );
}

export type WriteRunState<TItem> = ReturnType<typeof useWriteRun<TItem>>;
