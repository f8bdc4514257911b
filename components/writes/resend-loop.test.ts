import { describe, expect, it, vi } from "vitest";
import { AUTO_RETRY_ROUNDS, type OutcomeKind, type WriteOutcome } from "@/lib/writes/outcome";
import { createResendLoop, type ResendClock, type ResendSchedule } from "./resend-loop";

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";

function outcome(tenantId: string, kind: OutcomeKind, retryAfterSeconds: number | null = null): WriteOutcome {
  const error = kind === "done" ? null : { status: kind === "throttled" ? 429 : 500, code: "X", message: "m", requestId: null, retryAfterSeconds };
  return { write: "purge-sync-policy", tenantId, kind, policy: null, error, attempts: 1 };
}

/** A clock the test moves by hand: timers fire only when it says. */
function manualClock() {
  let now = 1_000_000;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const clock: ResendClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers.entries()].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
    // Let the resend's promise chain settle.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { clock, advance, pending: () => timers.size };
}

describe("the resend loop", () => {
  it("counts Graph's Retry-After down, then resends only the throttled rows", async () => {
    const { clock, advance } = manualClock();
    const send = vi.fn(async (ids: string[]) => (send.mock.calls.length === 1 ? [outcome(A, "done"), outcome(B, "throttled", 3)] : ids.map((id) => outcome(id, "done"))));
    const schedules: (ResendSchedule | null)[] = [];
    const loop = createResendLoop<string>({ send, keyOf: (id) => id, clock, onSchedule: (next) => schedules.push(next) });

    await loop.start([A, B]);
    expect(loop.scheduled()).toEqual({ at: clock.now() + 3_000, round: 0 });
    await advance(2_999);
    expect(send).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]?.[0]).toEqual([B]);
    expect(schedules.at(-1)).toBeNull();
    expect(loop.scheduled()).toBeNull();
  });

  it(`stops after ${AUTO_RETRY_ROUNDS} automatic rounds and leaves the row throttled`, async () => {
    const { clock, advance, pending } = manualClock();
    const send = vi.fn(async (ids: string[]) => ids.map((id) => outcome(id, "throttled", 1)));
    const rounds: number[] = [];
    const loop = createResendLoop<string>({ send, keyOf: (id) => id, clock, onSent: (_outcomes, _items, round) => rounds.push(round) });

    await loop.start([A]);
    for (let i = 0; i < AUTO_RETRY_ROUNDS + 2; i++) await advance(1_000);
    expect(send).toHaveBeenCalledTimes(1 + AUTO_RETRY_ROUNDS);
    expect(rounds).toEqual(Array.from({ length: 1 + AUTO_RETRY_ROUNDS }, (_, i) => i));
    expect(pending()).toBe(0);
    expect(loop.scheduled()).toBeNull();
  });

  it("cancel (closing the countdown) drops the waiting resend", async () => {
    const { clock, advance, pending } = manualClock();
    const send = vi.fn(async (ids: string[]) => ids.map((id) => outcome(id, "throttled", 2)));
    const schedules: (ResendSchedule | null)[] = [];
    const loop = createResendLoop<string>({ send, keyOf: (id) => id, clock, onSchedule: (next) => schedules.push(next) });

    await loop.start([A]);
    loop.cancel();
    await advance(10_000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(pending()).toBe(0);
    expect(schedules).toEqual([{ at: expect.any(Number), round: 0 }, null]);
  });

  it("never resends what was not throttled, nor a send the admin asked for again", async () => {
    const { clock, advance } = manualClock();
    const send = vi.fn(async (ids: string[]) => ids.map((id) => outcome(id, id === A ? "unknown" : "throttled", 1)));
    const loop = createResendLoop<string>({ send, keyOf: (id) => id, clock });

    await loop.start([A, B], AUTO_RETRY_ROUNDS);
    await advance(5_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("a failed call is reported once and schedules nothing", async () => {
    const { clock, pending } = manualClock();
    const failure = new Error("down");
    const onError = vi.fn();
    const loop = createResendLoop<string>({ send: () => Promise.reject(failure), keyOf: (id) => id, clock, onError });
    expect(await loop.start([A])).toEqual([]);
    expect(onError).toHaveBeenCalledWith(failure, [A], 0);
    expect(pending()).toBe(0);
  });

  it("rows throttled by a later send wait with the ones already waiting, until the later time", async () => {
    const { clock, advance } = manualClock();
    const send = vi.fn(async (ids: string[]) => ids.map((id) => outcome(id, send.mock.calls.length <= 2 ? "throttled" : "done", id === A ? 2 : 5)));
    const loop = createResendLoop<string>({ send, keyOf: (id) => id, clock });
    await loop.start([A]);
    await loop.start([B]);
    await advance(2_000);
    expect(send).toHaveBeenCalledTimes(2);
    await advance(3_000);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.calls[2]?.[0]).toEqual([A, B]);
  });
});
