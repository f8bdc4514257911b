import { describe, expect, it } from "vitest";
import type { SyncPolicy } from "@/lib/core/models";
import type { AppError } from "@/lib/core/result";
import {
  classifyWriteStatus,
  isRetryableOutcome,
  isUnansweredStatus,
  mergeOutcomes,
  notSent,
  OUTCOME_KINDS,
  RESEND_STATUSES,
  settleWrite,
  type Observed,
  type StatusRules,
  type WriteAnswer,
  type WriteKind,
  type WriteOutcome,
} from "./outcome";

const ID = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const policy: SyncPolicy = {
  tenantId: ID,
  displayName: "Fabrikam",
  userSyncAllowed: true,
  groupSyncAllowed: null,
  externalCloudAuthorizedApplicationId: null,
  deletedDateTime: "2025-06-01T10:00:00Z",
};
const err = (status: number, code = "X"): AppError => ({ status, code, message: "m", requestId: `r${status}`, retryAfterSeconds: status === 429 ? 5 : null });
/** What Graph answered with status: no policy, and an error unless 2xx. */
const answered = (status: number) => ({ tenantId: ID, status, policy: null, error: status >= 200 && status < 300 ? null : err(status), attempts: 1 });

/** A restore's rules: 404 and 409 need a look at the live policy and the deleted item. */
const RESTORE: StatusRules = { notFound: "check", conflict: "check", conflictRetrySafe: true };
const restore = (status: number, extra: Partial<WriteAnswer> = {}) => settleWrite({ write: "restore-sync-policy", ...answered(status), ...extra }, RESTORE);
const live: Observed = { kind: "reached", policy };
const stillDeleted: Observed = { kind: "not-reached", policy: null };
const gone: Observed = { kind: "gone" };

describe("classifyWriteStatus", () => {
  it("settles statuses that speak for themselves and asks for a read-back where the write's rules say so", () => {
    expect(classifyWriteStatus(200, RESTORE)).toEqual({ next: "done", kind: "done" });
    expect(classifyWriteStatus(404, RESTORE)).toEqual({ next: "check" });
    expect(classifyWriteStatus(409, RESTORE)).toEqual({ next: "check" });
    expect(classifyWriteStatus(0, RESTORE)).toEqual({ next: "check" });
    expect(classifyWriteStatus(401, RESTORE)).toEqual({ next: "done", kind: "unauthorized" });
    expect(classifyWriteStatus(403, RESTORE)).toEqual({ next: "done", kind: "forbidden" });
    for (const s of [429, 503]) expect(classifyWriteStatus(s, RESTORE)).toEqual({ next: "done", kind: "throttled" });
    expect(classifyWriteStatus(500, RESTORE)).toEqual({ next: "done", kind: "failed" });
    expect(classifyWriteStatus(404, { notFound: "already-done", conflict: "conflict" })).toEqual({ next: "done", kind: "already-done" });
    expect(classifyWriteStatus(409, { notFound: "not-found", conflict: "conflict" })).toEqual({ next: "done", kind: "conflict" });
    expect(classifyWriteStatus(400, { notFound: "not-found", conflict: "conflict", badRequest: "conflict" })).toEqual({ next: "done", kind: "conflict" });
    expect(classifyWriteStatus(400, { notFound: "not-found", conflict: "conflict" })).toEqual({ next: "done", kind: "failed" });
  });

  it("treats a 504 as a lost answer, never as 'not done': only 429/503 allow a resend", () => {
    expect(classifyWriteStatus(504, { notFound: "already-done", conflict: "conflict" })).toEqual({ next: "check" });
    expect([...RESEND_STATUSES].sort()).toEqual([429, 503]);
    expect(isUnansweredStatus(0)).toBe(true);
    expect(isUnansweredStatus(504)).toBe(true);
    expect(isUnansweredStatus(503)).toBe(false);
  });
});

describe("settleWrite for a restore (404 and 409 read back)", () => {
  it("200 → restored with what Graph returned", () => {
    expect(restore(200, { policy })).toEqual({ write: "restore-sync-policy", tenantId: ID, kind: "done", policy, error: null, attempts: 1, retrySafe: false });
  });

  it("404 + live → already-restored", () => {
    expect(restore(404, { observed: live })).toMatchObject({ kind: "already-done", policy, error: null, retrySafe: false });
  });

  it("404 + absent: gone from deleted items → purged; still there → partner-missing; not readable → unknown", () => {
    expect(restore(404, { observed: gone })).toMatchObject({ kind: "purged", error: { requestId: "r404" }, retrySafe: false });
    expect(restore(404, { observed: stillDeleted })).toMatchObject({ kind: "partner-missing", policy: null, error: { status: 404, requestId: "r404" }, retrySafe: true });
    expect(restore(404, { observed: { kind: "unreadable", error: err(403) } })).toMatchObject({ kind: "unknown", error: { status: 403 }, retrySafe: null });
    expect(restore(404)).toMatchObject({ kind: "unknown", retrySafe: null });
  });

  it("409 → conflict, with the live policy when it could be read, safe to resend once it is gone", () => {
    expect(restore(409, { observed: live })).toMatchObject({ kind: "conflict", policy, error: { status: 409 }, retrySafe: true });
    expect(restore(409, { observed: { kind: "unreadable", error: err(500) } })).toMatchObject({ kind: "conflict", policy: null });
  });

  it("403 / 401 / throttled / other", () => {
    expect(restore(403)).toMatchObject({ kind: "forbidden", error: { status: 403 }, retrySafe: null });
    expect(restore(401)).toMatchObject({ kind: "unauthorized" });
    expect(restore(429, { attempts: 4 })).toMatchObject({ kind: "throttled", attempts: 4, error: { retryAfterSeconds: 5 } });
    expect(restore(500)).toMatchObject({ kind: "failed", error: { requestId: "r500" } });
  });

  it("no answer → the read-back decides", () => {
    expect(restore(0, { observed: live })).toMatchObject({ kind: "done", policy, error: null, retrySafe: false });
    expect(restore(0, { observed: stillDeleted })).toMatchObject({ kind: "unknown", retrySafe: true });
    expect(restore(0, { observed: gone })).toMatchObject({ kind: "purged", retrySafe: false });
    expect(restore(0, { observed: { kind: "unreadable", error: err(500) } })).toMatchObject({ kind: "unknown", error: { status: 0 }, retrySafe: null });
  });

  it("504 (gateway timeout) → settled like no answer, keeping Graph's error", () => {
    expect(restore(504, { observed: live })).toMatchObject({ kind: "done", policy, error: null });
    expect(restore(504, { observed: stillDeleted })).toMatchObject({ kind: "unknown", error: { status: 504, requestId: "r504" }, retrySafe: true });
    expect(restore(504, { observed: gone })).toMatchObject({ kind: "purged" });
  });

  it("marks what 'retry failed' may resend", () => {
    expect(isRetryableOutcome({ kind: "throttled" })).toBe(true);
    expect(isRetryableOutcome({ kind: "unknown" })).toBe(true);
    expect(isRetryableOutcome({ kind: "done" })).toBe(false);
    expect(isRetryableOutcome({ kind: "purged" })).toBe(false);
    expect(OUTCOME_KINDS).toContain("partner-missing");
    expect(isRetryableOutcome({ kind: "partner-missing" })).toBe(false);
  });
});

describe("settleWrite for the other writes", () => {
  const REMOVE: StatusRules = { notFound: "already-done", conflict: "conflict" };
  const CHANGE: StatusRules = { notFound: "not-found", conflict: "conflict" };
  const CREATE: StatusRules = { notFound: "not-found", conflict: "check" };
  const settle = (write: WriteKind, status: number, rules: StatusRules, extra: Partial<WriteAnswer> = {}) => settleWrite({ write, ...answered(status), ...extra }, rules);

  it("removing what is already gone reached the asked-for state; changing what is gone did not", () => {
    expect(settle("delete-sync-policy", 404, REMOVE)).toMatchObject({ write: "delete-sync-policy", kind: "already-done", retrySafe: false });
    expect(settle("update-sync-policy", 404, CHANGE)).toMatchObject({ kind: "not-found", error: { requestId: "r404" } });
  });

  it("409 on create is settled by what exists now; elsewhere it is a conflict", () => {
    expect(settle("create-sync-policy", 409, CREATE, { observed: { kind: "reached", policy } })).toMatchObject({ kind: "conflict", policy, retrySafe: false });
    expect(settle("add-partner", 409, CHANGE)).toMatchObject({ kind: "conflict", policy: null });
    expect(settle("delete-partner", 400, { ...REMOVE, badRequest: "conflict" })).toMatchObject({ kind: "conflict" });
    expect(settle("update-sync-policy", 400, CHANGE)).toMatchObject({ kind: "failed" });
  });

  it("a lost answer is never 'done' without a read-back that shows it", () => {
    for (const status of [0, 504]) {
      expect(settle("delete-sync-policy", status, REMOVE, { observed: { kind: "reached" } })).toMatchObject({ kind: "done", error: null });
      expect(settle("delete-sync-policy", status, REMOVE, { observed: { kind: "not-reached" } })).toMatchObject({ kind: "unknown", retrySafe: true });
      expect(settle("delete-sync-policy", status, REMOVE)).toMatchObject({ kind: "unknown", retrySafe: null });
    }
  });

  it("401, 403 and throttling read the same for every write", () => {
    expect(settle("purge-sync-policy", 403, REMOVE)).toMatchObject({ kind: "forbidden", error: { status: 403 } });
    expect(settle("add-partner", 401, CHANGE)).toMatchObject({ kind: "unauthorized" });
    expect(settle("set-outbound-redemption", 429, CHANGE)).toMatchObject({ kind: "throttled", error: { retryAfterSeconds: 5 } });
  });

  it("a write never sent because what it needs could not be read is failed, with that read's error", () => {
    expect(notSent("set-inbound-redemption", ID, err(503))).toMatchObject({ kind: "failed", attempts: 0, error: { status: 503 } });
  });
});

describe("mergeOutcomes", () => {
  const outcome = (tenantId: string, kind: WriteOutcome["kind"], attempts = 1): WriteOutcome => ({ write: "purge-sync-policy", tenantId, kind, policy: null, error: null, attempts });
  const A = "aaaaaaaa-0000-4000-8000-000000000001";
  const B = "bbbbbbbb-0000-4000-8000-000000000002";
  const C = "cccccccc-0000-4000-8000-000000000003";

  it("lets a resend's outcome replace the throttled one in place, counting every attempt", () => {
    const merged = mergeOutcomes([outcome(A, "throttled"), outcome(B, "done")], [outcome(A.toUpperCase(), "done", 1)]);
    expect(merged.map((o) => [o.tenantId.toLowerCase(), o.kind, o.attempts])).toEqual([
      [A, "done", 2],
      [B, "done", 1],
    ]);
  });

  it("keeps an earlier run's rows and adds a new run's rows after them", () => {
    const merged = mergeOutcomes([outcome(A, "failed")], [outcome(C, "throttled")]);
    expect(merged.map((o) => [o.tenantId, o.kind])).toEqual([
      [A, "failed"],
      [C, "throttled"],
    ]);
  });
});
