import { describe, expect, it } from "vitest";
import { RequestBudget } from "./audit-budget";

function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance: (ms: number) => {
      now += ms;
    },
    at: () => now,
  };
}

describe("RequestBudget", () => {
  it("lets five requests out at once and holds the sixth until the first leaves the window", async () => {
    const time = clock();
    const budget = new RequestBudget({ now: time.now, sleep: time.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 7; i++) {
      await budget.take();
      sentAt.push(time.at());
    }
    expect(sentAt).toEqual([0, 0, 0, 0, 0, 10_000, 10_000]);
    // Never more than five in any 10 s window.
    for (const start of sentAt) expect(sentAt.filter((t) => t >= start && t < start + 10_000).length).toBeLessThanOrEqual(5);
  });

  it("hands a streamed read every free slot up to its maximum, and at least one after waiting", async () => {
    const time = clock();
    const budget = new RequestBudget({ now: time.now, sleep: time.sleep });
    await budget.take();
    await budget.take();
    expect(await budget.takeUpTo(5)).toBe(3);
    expect(time.at()).toBe(0);
    // The window is full: the next read waits for the first slot to free, then takes what is free.
    expect(await budget.takeUpTo(5)).toBe(5);
    expect(time.at()).toBe(10_000);
    time.advance(10_000);
    expect(await budget.takeUpTo(2)).toBe(2);
    expect(budget.waitMs()).toBe(0);
  });

  it("closes for Retry-After after a 429", async () => {
    const time = clock();
    const budget = new RequestBudget({ now: time.now, sleep: time.sleep });
    await budget.take();
    budget.closeFor(7);
    expect(budget.waitMs()).toBe(7_000);
    await budget.take();
    expect(time.at()).toBe(7_000);
  });

  it("stops waiting when the view goes away", async () => {
    const time = clock();
    const budget = new RequestBudget({ now: time.now, sleep: time.sleep, limit: 1 });
    await budget.take();
    const controller = new AbortController();
    controller.abort(new Error("left the page"));
    await expect(budget.take(controller.signal)).rejects.toThrow("left the page");
  });
});
