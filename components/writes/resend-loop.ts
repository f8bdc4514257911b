/**
 * The browser's half of retry, kept once: after Graph throttled a write for
 * longer than the server holds a request, wait out its Retry-After, then send the
 * throttled items again, up to AUTO_RETRY_ROUNDS rounds. A throttled answer proves
 * nothing was done, so resending is safe; nothing else is ever resent here.
 * Free of React so the row runs and the single-write toasts share it.
 */
import { AUTO_RETRY_ROUNDS, DEFAULT_RETRY_WAIT_SECONDS, type WriteOutcome } from "@/lib/writes/outcome";

export interface ResendSchedule {
  /** When the resend goes, as epoch ms. */
  at: number;
  /** Which automatic resend it will be (0 for the first). */
  round: number;
}

export interface ResendClock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: ResendClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ResendLoopOptions<TItem> {
  send: (items: TItem[]) => Promise<WriteOutcome[]>;
  keyOf: (item: TItem) => string;
  /** Every answer, automatic resends included; `round` is 0 for the admin's own send. */
  onSent?: (outcomes: WriteOutcome[], items: TItem[], round: number) => void;
  /** The call failed as a whole. */
  onError?: (error: unknown, items: TItem[], round: number) => void;
  /** A resend was scheduled, or (null) none waits any more: it went, or was cancelled. */
  onSchedule?: (next: ResendSchedule | null) => void;
  clock?: ResendClock;
}

export interface ResendLoop<TItem> {
  /** Sends the items; `round` AUTO_RETRY_ROUNDS or more sends once without automatic resends (the admin's "Retry failed"). */
  start: (items: TItem[], round?: number) => Promise<WriteOutcome[]>;
  /** Drops the waiting resend: closing the countdown cancels it. */
  cancel: () => void;
  scheduled: () => ResendSchedule | null;
}

const key = (value: string) => value.toLowerCase();

export function createResendLoop<TItem>(options: ResendLoopOptions<TItem>): ResendLoop<TItem> {
  const clock = options.clock ?? realClock;
  const waiting = new Map<string, TItem>();
  let timer: unknown = null;
  let next: ResendSchedule | null = null;

  const clear = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    next = null;
  };

  const fire = () => {
    const round = next?.round ?? 0;
    const items = [...waiting.values()];
    waiting.clear();
    clear();
    options.onSchedule?.(null);
    if (items.length > 0) void start(items, round + 1);
  };

  const schedule = (waitSeconds: number, round: number) => {
    const at = clock.now() + Math.max(1, waitSeconds) * 1000;
    // Rows throttled by a later send wait with the ones already waiting: the later time wins.
    const when = next ? Math.max(next.at, at) : at;
    const nextRound = next ? Math.max(next.round, round) : round;
    if (timer !== null) clock.clearTimeout(timer);
    next = { at: when, round: nextRound };
    timer = clock.setTimeout(fire, Math.max(0, when - clock.now()));
    options.onSchedule?.(next);
  };

  async function start(items: TItem[], round = 0): Promise<WriteOutcome[]> {
    if (items.length === 0) return [];
    let outcomes: WriteOutcome[];
    try {
      outcomes = await options.send(items);
    } catch (error) {
      options.onError?.(error, items, round);
      return [];
    }
    const byKey = new Map(items.map((item) => [key(options.keyOf(item)), item]));
    const throttled = outcomes.filter((outcome) => outcome.kind === "throttled");
    for (const outcome of outcomes) if (outcome.kind !== "throttled") waiting.delete(key(outcome.tenantId));
    if (throttled.length > 0 && round < AUTO_RETRY_ROUNDS) {
      for (const outcome of throttled) {
        const item = byKey.get(key(outcome.tenantId));
        if (item !== undefined) waiting.set(key(outcome.tenantId), item);
      }
      const waits = throttled.map((outcome) => outcome.error?.retryAfterSeconds ?? DEFAULT_RETRY_WAIT_SECONDS);
      if (waiting.size > 0) schedule(Math.max(...waits), round);
    }
    options.onSent?.(outcomes, items, round);
    return outcomes;
  }

  return {
    start,
    cancel: () => {
      const had = next !== null;
      waiting.clear();
      clear();
      if (had) options.onSchedule?.(null);
    },
    scheduled: () => next,
  };
}
