import { describe, expect, it, vi } from "vitest";
import { ok } from "@/lib/core/result";
import { MAX_TENANT_IDS_PER_CALL, type WriteOutcome } from "@/lib/writes/outcome";
import { GraphActionError } from "./graph-action";
import { claimTargets, deletedSyncPolicyTarget, releaseTargets, sendInChunks } from "./writes";

const getToken = async () => "token";
const ids = (count: number) => Array.from({ length: count }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
const purged = (chunk: string[]) => ok(chunk.map((tenantId): WriteOutcome => ({ write: "purge-sync-policy", tenantId, kind: "done", policy: null, error: null, attempts: 1 })));
const denied = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r", retryAfterSeconds: null };

describe("sendInChunks", () => {
  it("purges a selection larger than one call takes in consecutive calls, every outcome kept in order", async () => {
    const call = vi.fn(async (_token: string, chunk: string[]) => purged(chunk));
    const tenantIds = ids(1_234);
    const outcomes = await sendInChunks(getToken, "purge-sync-policy", tenantIds, call);
    expect(call.mock.calls.map(([, chunk]) => chunk.length)).toEqual([MAX_TENANT_IDS_PER_CALL, MAX_TENANT_IDS_PER_CALL, 234]);
    expect(outcomes.map((outcome) => outcome.tenantId)).toEqual(tenantIds);
  });

  it("throws when the first call is refused: nothing was done", async () => {
    const call = vi.fn().mockResolvedValue({ ok: false, error: denied });
    await expect(sendInChunks(getToken, "purge-sync-policy", ids(3), call)).rejects.toBeInstanceOf(GraphActionError);
  });

  it("keeps what earlier calls did when a later one is refused, and marks every id after it failed", async () => {
    const call = vi
      .fn()
      .mockImplementationOnce(async (_token: string, chunk: string[]) => purged(chunk))
      .mockResolvedValueOnce({ ok: false, error: denied });
    const outcomes = await sendInChunks(getToken, "purge-sync-policy", ids(1_100), call);
    expect(call).toHaveBeenCalledTimes(2);
    expect(outcomes.filter((outcome) => outcome.kind === "done")).toHaveLength(500);
    expect(outcomes.slice(500).every((outcome) => outcome.kind === "failed" && outcome.write === "purge-sync-policy" && outcome.error === denied)).toBe(true);
    expect(outcomes).toHaveLength(1_100);
  });

  it("marks the rest checking (Graph is read next), not failed, when a later call's answer was lost", async () => {
    const call = vi
      .fn()
      .mockImplementationOnce(async (_token: string, chunk: string[]) => purged(chunk))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const outcomes = await sendInChunks(getToken, "purge-sync-policy", ids(600), call);
    expect(outcomes.slice(500).map((outcome) => outcome.kind)).toEqual(Array(100).fill("checking"));
    expect(outcomes.slice(500).every((outcome) => outcome.answerLost && outcome.error?.code === "ServerUnreachable")).toBe(true);
  });
});

describe("targets on the wire", () => {
  it("a restore and a purge of the same deleted policy never go out together", () => {
    const restoring = claimTargets([deletedSyncPolicyTarget("AAAA"), deletedSyncPolicyTarget("bbbb")]);
    expect(restoring).toHaveLength(2);
    expect(claimTargets([deletedSyncPolicyTarget("aaaa"), deletedSyncPolicyTarget("cccc")])).toEqual([deletedSyncPolicyTarget("cccc")]);
    releaseTargets([...restoring, deletedSyncPolicyTarget("cccc")]);
    expect(claimTargets([deletedSyncPolicyTarget("aaaa")])).toEqual([deletedSyncPolicyTarget("aaaa")]);
    releaseTargets([deletedSyncPolicyTarget("aaaa")]);
  });
});
