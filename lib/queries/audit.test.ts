import { describe, expect, it, vi } from "vitest";
import type { Result } from "@/lib/core/result";
import { callAuditAction } from "./audit";
import { RequestBudget } from "./audit-budget";
import { GraphActionError } from "./graph-action";

const throttled: Result<string> = {
  ok: false,
  error: { status: 429, code: "TooManyRequests", message: "Too many requests", requestId: "r-429", retryAfterSeconds: 8 },
};

function budgetAt(now: { t: number }) {
  return new RequestBudget({ now: () => now.t, sleep: async (ms) => void (now.t += ms) });
}

describe("callAuditAction", () => {
  it("takes a budget slot per request", async () => {
    const now = { t: 0 };
    const budget = budgetAt(now);
    const action = vi.fn(async (): Promise<Result<string>> => ({ ok: true, data: "page" }));
    for (let i = 0; i < 6; i++) await callAuditAction(async () => "token", action, undefined, budget);
    expect(action).toHaveBeenCalledTimes(6);
    expect(now.t).toBe(10_000);
  });

  it("surfaces a 429 with its wait and closes the budget for it", async () => {
    const now = { t: 0 };
    const budget = budgetAt(now);
    const failure = await callAuditAction(async () => "token", async () => throttled, undefined, budget).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphActionError);
    expect((failure as GraphActionError).appError.retryAfterSeconds).toBe(8);
    expect(budget.waitMs()).toBe(8_000);
  });

  it("renews the token once after a 401", async () => {
    const now = { t: 0 };
    const getToken = vi.fn(async (options?: { forceRefresh?: boolean }) => (options?.forceRefresh ? "fresh" : "stale"));
    const action = vi.fn(async (token: string): Promise<Result<string>> =>
      token === "fresh" ? { ok: true, data: "page" } : { ok: false, error: { ...throttled.error, status: 401, code: "InvalidAuthenticationToken", retryAfterSeconds: null } },
    );
    await expect(callAuditAction(getToken, action, undefined, budgetAt(now))).resolves.toBe("page");
    expect(action.mock.calls.map(([token]) => token)).toEqual(["stale", "fresh"]);
  });
});
