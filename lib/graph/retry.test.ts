import { describe, expect, it } from "vitest";
import { backoffDelayMs, MAX_RETRY_WAIT_MS, parseRetryAfter, planItemRetry, retryDelayMs } from "./retry";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(" 2 ")).toBe(2);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("retry timing", () => {
  it("honours Retry-After, capped", () => {
    expect(retryDelayMs(3, 0)).toBe(3_000);
    expect(retryDelayMs(120, 0)).toBe(MAX_RETRY_WAIT_MS);
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoffDelayMs(0, () => 0)).toBe(250);
    expect(backoffDelayMs(0, () => 1)).toBe(500);
    expect(backoffDelayMs(2, () => 1)).toBe(2_000);
    expect(backoffDelayMs(20, () => 1)).toBe(MAX_RETRY_WAIT_MS);
  });
});

describe("planItemRetry", () => {
  it("retries only ids with attempts left, after the largest Retry-After", () => {
    const attempts = new Map([
      ["a", 1],
      ["b", 1],
      ["c", 4],
    ]);
    const plan = planItemRetry(
      [
        { id: "a", retryAfterSeconds: 2 },
        { id: "b", retryAfterSeconds: 5 },
        { id: "c", retryAfterSeconds: 9 },
      ],
      attempts,
      4,
      0,
    );
    expect(plan).toEqual({ retryIds: ["a", "b"], exhaustedIds: ["c"], waitMs: 5_000 });
  });

  it("backs off when no item gave Retry-After, and waits nothing when nothing is retried", () => {
    expect(planItemRetry([{ id: "a", retryAfterSeconds: null }], new Map([["a", 1]]), 4, 1, () => 1).waitMs).toBe(1_000);
    expect(planItemRetry([], new Map(), 4, 0).waitMs).toBe(0);
  });

  it("hands back items asked to wait longer than the cap instead of resending them early", () => {
    const plan = planItemRetry(
      [
        { id: "short", retryAfterSeconds: 1 },
        { id: "long", retryAfterSeconds: 30 },
      ],
      new Map([
        ["short", 1],
        ["long", 1],
      ]),
      4,
      0,
      undefined,
      2_000,
    );
    expect(plan).toEqual({ retryIds: ["short"], exhaustedIds: ["long"], waitMs: 1_000 });
  });
});
