import { describe, expect, it, vi } from "vitest";
import type { AppError, Result } from "@/lib/core/result";
import type { ProvisioningPage } from "@/lib/sync-errors/types";
import { streamOf } from "@/tests/streams";
import { RequestBudget } from "./audit-budget";
import { GraphActionError } from "./graph-action";
import { PAGES_PER_READ, readProvisioningPages } from "./provisioning-logs";

vi.mock("@/lib/actions/provisioning-logs", () => ({ listProvisioningEvents: vi.fn(), getSyncConfigurationName: vi.fn() }));

const THROTTLED: AppError = { status: 429, code: "TooManyRequests", message: "Too many requests", requestId: "r-429", retryAfterSeconds: 7 };
const page = (id: string, nextLink: string | null): Result<ProvisioningPage> => ({
  ok: true,
  data: { events: [{ id } as ProvisioningPage["events"][number]], nextLink },
});

function budgetAt(now: { t: number }, limit = 5) {
  return new RequestBudget({ limit, now: () => now.t, sleep: async (ms) => void (now.t += ms) });
}

const input = (pages: number) => ({ nextLink: "https://graph.test/beta/auditLogs/provisioning?$skiptoken=1", pages });

describe("readProvisioningPages", () => {
  it("asks for as many pages as the budget has room for, and hands each over as it arrives", async () => {
    const now = { t: 0 };
    const budget = budgetAt(now);
    await budget.take();
    await budget.take();
    const list = vi.fn(async () => streamOf(page("a", "link-b"), page("b", "link-c"), page("c", null)));
    const seen: number[] = [];
    const read = await readProvisioningPages(async () => "token", input, undefined, (pages) => seen.push(pages.length), budget, list as never);
    expect(list).toHaveBeenCalledWith("token", input(PAGES_PER_READ - 2));
    expect(seen).toEqual([1, 2, 3]);
    expect(read).toEqual({ events: [{ id: "a" }, { id: "b" }, { id: "c" }], pages: 3, nextLink: null, interrupted: null });
  });

  it("keeps the pages read before a 429, closes the budget for its wait and carries the link on", async () => {
    const now = { t: 0 };
    // A roomy budget, so the wait seen is the 429's alone.
    const budget = budgetAt(now, 100);
    const list = vi.fn(async () => streamOf(page("a", "link-b"), { ok: false, error: THROTTLED }));
    const read = await readProvisioningPages(async () => "token", input, undefined, undefined, budget, list as never);
    expect(read).toEqual({ events: [{ id: "a" }], pages: 1, nextLink: "link-b", interrupted: THROTTLED });
    expect(budget.waitMs()).toBe(7_000);
  });

  it("throws a 429 that came before any page, for the countdown, and closes the budget", async () => {
    const now = { t: 0 };
    const budget = budgetAt(now, 100);
    const list = vi.fn(async () => streamOf<ProvisioningPage>({ ok: false, error: THROTTLED }));
    const failure = await readProvisioningPages(async () => "token", input, undefined, undefined, budget, list as never).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphActionError);
    expect((failure as GraphActionError).appError.retryAfterSeconds).toBe(7);
    expect(budget.waitMs()).toBe(7_000);
  });

  it("starts over with a renewed token after a 401, without the pages of the first try", async () => {
    const now = { t: 0 };
    const expired: AppError = { ...THROTTLED, status: 401, code: "InvalidAuthenticationToken", retryAfterSeconds: null };
    const list = vi.fn(async (token: string) => (token === "fresh" ? streamOf(page("b", null)) : streamOf(page("a", "x"), { ok: false, error: expired })));
    const getToken = async (options?: { forceRefresh?: boolean }) => (options?.forceRefresh ? "fresh" : "stale");
    const read = await readProvisioningPages(getToken, input, undefined, undefined, budgetAt(now), list as never);
    expect(read.events).toEqual([{ id: "b" }]);
    expect(list).toHaveBeenCalledTimes(2);
  });
});
