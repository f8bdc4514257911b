import { describe, expect, it } from "vitest";
import type { SyncPolicy } from "@/lib/models";
import type { AppError } from "@/lib/result";
import {
  classifyRestoreStatus,
  isRetryableOutcome,
  mergeOutcomes,
  OUTCOME_KINDS,
  RESEND_STATUSES,
  classifyWriteStatus,
  toRestoreOutcome,
  toWriteOutcome,
  type RestoreAnswer,
  type WriteAnswer,
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
const answer = (status: number, extra: Partial<RestoreAnswer> = {}): RestoreAnswer => ({ ...answered(status), ...extra });

describe("classifyRestoreStatus", () => {
  it("settles statuses that speak for themselves and asks for a live check otherwise", () => {
    expect(classifyRestoreStatus(200)).toEqual({ next: "done", kind: "done" });
    expect(classifyRestoreStatus(404)).toEqual({ next: "check-live", deletedItems: true });
    expect(classifyRestoreStatus(409)).toEqual({ next: "check-live", deletedItems: false });
    expect(classifyRestoreStatus(0)).toEqual({ next: "check-live", deletedItems: true });
    expect(classifyRestoreStatus(401)).toEqual({ next: "done", kind: "unauthorized" });
    expect(classifyRestoreStatus(403)).toEqual({ next: "done", kind: "forbidden" });
    for (const s of [429, 503]) expect(classifyRestoreStatus(s)).toEqual({ next: "done", kind: "throttled" });
    expect(classifyRestoreStatus(500)).toEqual({ next: "done", kind: "failed" });
  });

  it("treats a 504 as a lost answer, never as 'not done': only 429/503 allow a resend", () => {
    expect(classifyRestoreStatus(504)).toEqual({ next: "check-live", deletedItems: true });
    expect([...RESEND_STATUSES].sort()).toEqual([429, 503]);
    expect(classifyRestoreStatus(500)).toEqual({ next: "done", kind: "failed" });
  });
});

describe("toRestoreOutcome", () => {
  it("200 → restored with what Graph returned", () => {
    expect(toRestoreOutcome(answer(200, { policy }))).toEqual({ write: "restore-sync-policy", tenantId: ID, kind: "done", policy, error: null, attempts: 1, retrySafe: false });
  });

  it("404 + live → already-restored", () => {
    expect(toRestoreOutcome(answer(404, { live: { kind: "live", policy } }))).toMatchObject({ kind: "already-done", policy, error: null, retrySafe: false });
  });

  it("404 + absent: gone from deleted items → purged; still there → partner-missing; not known → unknown", () => {
    expect(toRestoreOutcome(answer(404, { live: { kind: "absent", inDeletedItems: false } }))).toMatchObject({
      kind: "purged",
      error: { requestId: "r404" },
      retrySafe: false,
    });
    expect(toRestoreOutcome(answer(404, { live: { kind: "absent", inDeletedItems: true } }))).toMatchObject({
      kind: "partner-missing",
      policy: null,
      error: { status: 404, requestId: "r404" },
      retrySafe: true,
    });
    expect(toRestoreOutcome(answer(404, { live: { kind: "absent", inDeletedItems: null } }))).toMatchObject({
      kind: "unknown",
      error: { requestId: "r404" },
      retrySafe: null,
    });
  });

  it("404 + unreadable (or never read) → unknown, state not known", () => {
    expect(toRestoreOutcome(answer(404, { live: { kind: "unreadable", error: err(403) } }))).toMatchObject({
      kind: "unknown",
      error: { status: 403 },
      retrySafe: null,
    });
    expect(toRestoreOutcome(answer(404))).toMatchObject({ kind: "unknown", retrySafe: null });
  });

  it("409 → conflict, with the live policy when it could be read", () => {
    expect(toRestoreOutcome(answer(409, { live: { kind: "live", policy } }))).toMatchObject({ kind: "conflict", policy, error: { status: 409 }, retrySafe: true });
    expect(toRestoreOutcome(answer(409, { live: { kind: "unreadable", error: err(500) } }))).toMatchObject({ kind: "conflict", policy: null });
  });

  it("403 / 401 / throttled / other", () => {
    expect(toRestoreOutcome(answer(403))).toMatchObject({ kind: "forbidden", error: { status: 403 }, retrySafe: null });
    expect(toRestoreOutcome(answer(401))).toMatchObject({ kind: "unauthorized" });
    expect(toRestoreOutcome(answer(429, { attempts: 4 }))).toMatchObject({ kind: "throttled", attempts: 4, error: { retryAfterSeconds: 5 } });
    expect(toRestoreOutcome(answer(500))).toMatchObject({ kind: "failed", error: { requestId: "r500" } });
  });

  it("no answer → the re-read state decides", () => {
    expect(toRestoreOutcome(answer(0, { live: { kind: "live", policy } }))).toMatchObject({ kind: "done", policy, error: null, retrySafe: false });
    expect(toRestoreOutcome(answer(0, { live: { kind: "absent", inDeletedItems: true } }))).toMatchObject({ kind: "unknown", retrySafe: true });
    expect(toRestoreOutcome(answer(0, { live: { kind: "absent", inDeletedItems: false } }))).toMatchObject({ kind: "purged", retrySafe: false });
    expect(toRestoreOutcome(answer(0, { live: { kind: "absent", inDeletedItems: null } }))).toMatchObject({ kind: "unknown", retrySafe: null });
    expect(toRestoreOutcome(answer(0, { live: { kind: "unreadable", error: err(500) } }))).toMatchObject({
      kind: "unknown",
      error: { status: 0 },
      retrySafe: null,
    });
  });

  it("504 (gateway timeout) → settled like no answer, keeping Graph's error", () => {
    expect(toRestoreOutcome(answer(504, { live: { kind: "live", policy } }))).toMatchObject({ kind: "done", policy, error: null });
    expect(toRestoreOutcome(answer(504, { live: { kind: "absent", inDeletedItems: true } }))).toMatchObject({
      kind: "unknown",
      error: { status: 504, requestId: "r504" },
      retrySafe: true,
    });
    expect(toRestoreOutcome(answer(504, { live: { kind: "absent", inDeletedItems: false } }))).toMatchObject({ kind: "purged" });
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

describe("toWriteOutcome (every write but a restore)", () => {
  const write = (w: Parameters<typeof classifyWriteStatus>[0], status: number, extra: Partial<WriteAnswer> = {}): WriteAnswer => ({
    write: w,
    ...answered(status),
    ...extra,
  });

  it("removing what is already gone reached the asked-for state; changing what is gone did not", () => {
    for (const w of ["delete-sync-policy", "purge-sync-policy", "delete-partner", "purge-partner"] as const) {
      expect(toWriteOutcome(write(w, 404))).toMatchObject({ write: w, kind: "already-done", retrySafe: false });
    }
    for (const w of ["update-sync-policy", "create-sync-policy", "update-partner", "restore-partner"] as const) {
      expect(toWriteOutcome(write(w, 404))).toMatchObject({ kind: "not-found", error: { requestId: "r404" } });
    }
  });

  it("409 on create is settled by what exists now; elsewhere it is a conflict", () => {
    expect(classifyWriteStatus("create-sync-policy", 409)).toEqual({ next: "check" });
    expect(toWriteOutcome(write("create-sync-policy", 409, { observed: { kind: "reached", policy } }))).toMatchObject({ kind: "conflict", policy });
    expect(toWriteOutcome(write("add-partner", 409))).toMatchObject({ kind: "conflict", policy: null });
    expect(toWriteOutcome(write("delete-partner", 400))).toMatchObject({ kind: "conflict" });
    expect(toWriteOutcome(write("update-sync-policy", 400))).toMatchObject({ kind: "failed" });
  });

  it("a lost answer is never 'done' without a re-read that shows it", () => {
    for (const status of [0, 504]) {
      expect(toWriteOutcome(write("delete-sync-policy", status, { observed: { kind: "reached" } }))).toMatchObject({ kind: "done", error: null });
      expect(toWriteOutcome(write("delete-sync-policy", status, { observed: { kind: "not-reached" } }))).toMatchObject({ kind: "unknown", retrySafe: true });
      expect(toWriteOutcome(write("delete-sync-policy", status))).toMatchObject({ kind: "unknown", retrySafe: null });
    }
  });

  it("401, 403 and throttling read the same for every write", () => {
    expect(toWriteOutcome(write("purge-sync-policy", 403))).toMatchObject({ kind: "forbidden", error: { status: 403 } });
    expect(toWriteOutcome(write("add-partner", 401))).toMatchObject({ kind: "unauthorized" });
    expect(toWriteOutcome(write("update-partner", 429))).toMatchObject({ kind: "throttled", error: { retryAfterSeconds: 5 } });
    expect(() => toWriteOutcome({ ...write("add-partner", 200), write: "restore-sync-policy" })).toThrow(RangeError);
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
