"use client";

/**
 * Runs one kind of write over rows of a view (restore, purge): the per-row
 * outcomes of the runs so far, throttled rows counted down and resent up to
 * AUTO_RETRY_ROUNDS times, "Retry failed" after a re-read proved what is still
 * to do, and a failed call explained once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { AUTO_RETRY_ROUNDS, DEFAULT_RETRY_WAIT_SECONDS, isRetryableOutcome, mergeOutcomes, type WriteOutcome } from "@/lib/writes/outcome";
import { useAnnounceWriteError } from "./write-toast";

export interface WriteRun<TItem, TRoute> {
  outcomes: WriteOutcome[];
  /** Rows sent, by lower-case tenant id, so throttled and failed ones can be sent again. */
  items: Record<string, TItem>;
  names: Record<string, string>;
  route: TRoute | undefined;
  /** When throttled rows are resent automatically, as epoch ms; null when nothing waits. */
  retryAt: number | null;
  /** Automatic resends so far in this run. */
  autoRound: number;
}

export interface WriteRunOptions<TItem, TRoute> {
  send: (items: TItem[], route: TRoute | undefined) => Promise<WriteOutcome[]>;
  tenantIdOf: (item: TItem) => string;
  nameOf: (item: TItem) => string;
  /** Said when a call fails as a whole, e.g. "Nothing was restored." */
  nothingDone: string;
  /** Re-reads Graph: the lower-case tenant ids this write still has to do (for example, those still in deleted items). */
  stillToDo: () => Promise<Set<string>>;
  /** The toast when the admin sent one row. */
  announceOne?: (outcome: WriteOutcome, name: string) => void;
  /** Every run's outcomes, automatic resends included. */
  onSettled?: (outcomes: WriteOutcome[]) => void;
}

const key = (tenantId: string) => tenantId.toLowerCase();

export function useWriteRun<TItem, TRoute = never>(options: WriteRunOptions<TItem, TRoute>) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const announceError = useAnnounceWriteError();
  const [run, setRun] = useState<WriteRun<TItem, TRoute> | null>(null);
  const runRef = useRef<WriteRun<TItem, TRoute> | null>(null);
  const [pending, setPending] = useState(0);

  const updateRun = useCallback((next: WriteRun<TItem, TRoute> | null) => {
    runRef.current = next;
    setRun(next);
  }, []);

  const start = useCallback(
    async (items: TItem[], route?: TRoute, autoRound = 0): Promise<WriteOutcome[]> => {
      if (items.length === 0) return [];
      const { send, tenantIdOf, nameOf, nothingDone, announceOne, onSettled } = latest.current;
      const names = Object.fromEntries(items.map((item) => [key(tenantIdOf(item)), nameOf(item)]));
      const byId = Object.fromEntries(items.map((item) => [key(tenantIdOf(item)), item]));
      setPending((count) => count + 1);
      try {
        const outcomes = await send(items, route);
        // Runs accumulate: a second action never hides the first one's results or its pending resends.
        const previous = runRef.current;
        const waits = outcomes.filter((outcome) => outcome.kind === "throttled").map((outcome) => outcome.error?.retryAfterSeconds ?? DEFAULT_RETRY_WAIT_SECONDS);
        updateRun({
          outcomes: previous ? mergeOutcomes(previous.outcomes, outcomes) : outcomes,
          items: { ...previous?.items, ...byId },
          names: { ...previous?.names, ...names },
          route,
          retryAt: waits.length > 0 && autoRound < AUTO_RETRY_ROUNDS ? Date.now() + Math.max(1, ...waits) * 1000 : null,
          autoRound,
        });
        const [only] = outcomes;
        if (items.length === 1 && only && only.kind !== "throttled") announceOne?.(only, names[key(only.tenantId)] ?? only.tenantId);
        onSettled?.(outcomes);
        return outcomes;
      } catch (error) {
        await announceError(error, nothingDone);
        return [];
      } finally {
        setPending((count) => count - 1);
      }
    },
    [announceError, updateRun],
  );

  const retryAt = run?.retryAt ?? null;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(() => {
      const current = runRef.current;
      if (!current) return;
      // Clear the schedule first, so a re-render while the resend runs cannot schedule it again.
      updateRun({ ...current, retryAt: null });
      const throttled = current.outcomes
        .filter((outcome) => outcome.kind === "throttled")
        .map((outcome) => current.items[key(outcome.tenantId)])
        .filter((item): item is TItem => item !== undefined);
      void start(throttled, current.route, current.autoRound + 1);
    }, Math.max(0, retryAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [retryAt, start, updateRun]);

  const retryFailed = useCallback(async () => {
    const current = runRef.current;
    if (!current) return;
    // Re-read first: an unknown outcome may have been done after all, and it must not be sent twice.
    let stillToDo: Set<string>;
    try {
      stillToDo = await latest.current.stillToDo();
    } catch {
      toast.error("Microsoft Graph could not be re-read, so nothing was resent. Try again in a moment.");
      return;
    }
    const failed = current.outcomes
      .filter(isRetryableOutcome)
      .filter((outcome) => stillToDo.has(key(outcome.tenantId)))
      .map((outcome) => current.items[key(outcome.tenantId)])
      .filter((item): item is TItem => item !== undefined);
    if (failed.length === 0) {
      toast.info("Nothing to resend: a re-read shows none of those rows still waiting.");
      return;
    }
    // A resend the admin asked for is not throttled again automatically.
    await start(failed, current.route, AUTO_RETRY_ROUNDS);
  }, [start]);

  const dismiss = useCallback(() => updateRun(null), [updateRun]);
  const retryable = useMemo(() => run?.outcomes.filter(isRetryableOutcome) ?? [], [run]);
  const busy = pending > 0;

  return useMemo(
    () => ({ start, run, dismiss, retryFailed, pending: busy, retryable }),
    [start, run, dismiss, retryFailed, busy, retryable],
  );
}

export type WriteRunState<TItem, TRoute> = ReturnType<typeof useWriteRun<TItem, TRoute>>;
