import { beforeEach, describe, expect, it } from "vitest";
import { callGraphAction, GraphActionError } from "@/lib/queries/graph-action";
import { rememberWriteDenial } from "@/lib/queries/writes";
import { fail, type AppError } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { currentDenial, forgetDenials } from "./permission-denials";

const getToken = async () => "token";
const error = (status: number, requestId: string): AppError => ({ status, code: status === 403 ? "Authorization_RequestDenied" : "Other", message: "m", requestId, retryAfterSeconds: null });
const outcome = (kind: WriteOutcome["kind"], requestId: string): WriteOutcome => ({
  write: "update-sync-policy",
  tenantId: "aaaaaaaa-0000-4000-8000-000000000001",
  kind,
  policy: null,
  error: kind === "done" ? null : error(kind === "forbidden" ? 403 : 500, requestId),
  attempts: 1,
});

beforeEach(() => forgetDenials());

describe("the session's first write 403", () => {
  it("is not taken from a read: a read's 403 says nothing about writing", async () => {
    await expect(callGraphAction(getToken, async () => fail(error(403, "read")))).rejects.toBeInstanceOf(GraphActionError);
    expect(currentDenial()).toBeNull();
  });

  it("is remembered from a write's outcomes, one or a sequence's several, and only the first one", () => {
    rememberWriteDenial([outcome("done", "ok")]);
    rememberWriteDenial([outcome("failed", "r500")]);
    expect(currentDenial()).toBeNull();
    rememberWriteDenial([outcome("done", "ok"), outcome("forbidden", "first")]);
    rememberWriteDenial([outcome("forbidden", "second")]);
    expect(currentDenial()).toEqual({ code: "Authorization_RequestDenied", requestId: "first" });
  });
});
