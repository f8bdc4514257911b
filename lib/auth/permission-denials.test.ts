import { beforeEach, describe, expect, it } from "vitest";
import { callGraphAction, GraphActionError } from "@/lib/queries/graph-action";
import { fail, ok, type AppError } from "@/lib/result";
import { currentDenial, forgetDenials } from "./permission-denials";

const getToken = async () => "token";
const error = (status: number, requestId: string): AppError => ({ status, code: status === 403 ? "Authorization_RequestDenied" : "Other", message: "m", requestId, retryAfterSeconds: null });

beforeEach(() => forgetDenials());

describe("the session's first 403", () => {
  it("is remembered from any Graph action, and only the first one", async () => {
    expect(await callGraphAction(getToken, async () => ok(1))).toBe(1);
    await expect(callGraphAction(getToken, async () => fail(error(404, "r404")))).rejects.toBeInstanceOf(GraphActionError);
    expect(currentDenial()).toBeNull();
    await expect(callGraphAction(getToken, async () => fail(error(403, "first")))).rejects.toBeInstanceOf(GraphActionError);
    await expect(callGraphAction(getToken, async () => fail(error(403, "second")))).rejects.toBeInstanceOf(GraphActionError);
    expect(currentDenial()).toEqual({ code: "Authorization_RequestDenied", requestId: "first" });
  });
});
