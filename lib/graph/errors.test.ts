import { describe, expect, it } from "vitest";
import { graphAnswerError } from "./errors";

describe("graphAnswerError", () => {
  const envelope = {
    error: {
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
      innerError: { "request-id": "inner-id", date: "2025-01-01T00:00:00" },
    },
  };

  it("maps Graph's error envelope, preferring the request-id header", () => {
    expect(graphAnswerError({ status: 403, body: envelope, requestIdHeader: "header-id" })).toEqual({
      status: 403,
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
      requestId: "header-id",
      retryAfterSeconds: null,
    });
  });

  it("falls back to innerError's request-id without the header", () => {
    expect(graphAnswerError({ status: 403, body: envelope }).requestId).toBe("inner-id");
  });

  it("has a null request-id when neither carries one", () => {
    expect(graphAnswerError({ status: 500, body: { error: { code: "X", message: "m" } } }).requestId).toBeNull();
  });

  it("maps non-JSON bodies", () => {
    const error = graphAnswerError({ status: 502, body: "<html>Bad gateway</html>", requestIdHeader: null });
    expect(error).toMatchObject({ status: 502, code: "Http502", message: "<html>Bad gateway</html>", requestId: null });
  });

  it("maps empty bodies with the status text", () => {
    expect(graphAnswerError({ status: 500, body: null, statusText: "Internal Server Error" }).message).toBe("Internal Server Error");
    expect(graphAnswerError({ status: 500, body: null }).message).toMatch(/HTTP 500/);
  });
});
