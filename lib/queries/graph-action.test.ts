import { describe, expect, it, vi } from "vitest";
import type { Result } from "@/lib/core/result";
import { callGraphAction, GraphActionError, toAppError } from "./graph-action";

const unauthorized: Result<string> = {
  ok: false,
  error: { status: 401, code: "InvalidAuthenticationToken", message: "Access token has expired.", requestId: "r-1", retryAfterSeconds: null },
};

describe("callGraphAction", () => {
  it("renews the token silently once after a 401 and retries with the new one", async () => {
    const getToken = vi.fn(async (options?: { forceRefresh?: boolean }) => (options?.forceRefresh ? "fresh" : "stale"));
    const action = vi.fn(async (token: string): Promise<Result<string>> => (token === "fresh" ? { ok: true, data: "partners" } : unauthorized));
    await expect(callGraphAction(getToken, action)).resolves.toBe("partners");
    expect(action.mock.calls.map(([token]) => token)).toEqual(["stale", "fresh"]);
  });

  it("gives up after one renewal and surfaces Graph's error with its request-id", async () => {
    const getToken = vi.fn(async () => "token");
    const action = vi.fn(async () => unauthorized);
    const failure = await callGraphAction(getToken, action).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphActionError);
    expect((failure as GraphActionError).appError).toMatchObject({ status: 401, requestId: "r-1" });
    expect(action).toHaveBeenCalledTimes(2);
  });

  it("does not retry other failures", async () => {
    const action = vi.fn(async (): Promise<Result<string>> => ({
      ok: false,
      error: { status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requestId: "r-2", retryAfterSeconds: null },
    }));
    await expect(callGraphAction(async () => "token", action)).rejects.toBeInstanceOf(GraphActionError);
    expect(action).toHaveBeenCalledTimes(1);
  });
});

describe("toAppError", () => {
  it("names the dashboard's server, not Graph, when a server action call never answered", () => {
    const error = toAppError(new TypeError("Failed to fetch"));
    expect(error).toMatchObject({ status: 0, code: "ServerUnreachable" });
    expect(error.message).toMatch(/^The dashboard's server could not be reached/);
    expect(error.message).not.toMatch(/Graph/);
  });

  it("keeps what Graph said when the action answered with a Graph failure", () => {
    const graphDown = { status: 0, code: "NetworkError", message: "Microsoft Graph could not be reached.", requestId: null, retryAfterSeconds: null };
    expect(toAppError(new GraphActionError(graphDown))).toBe(graphDown);
  });
});
