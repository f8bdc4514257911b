import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../http";
import { appToken, call, PARTNERS, start, type Emulator } from "./helpers";

let emu: Emulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function expectEnvelope(res: { headers: Headers; body: { error: Record<string, unknown> } }, code: string, clientRequestId: string) {
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe("string");
  expect(res.body.error.innerError).toEqual({
    date: expect.stringMatching(ISO_SECONDS),
    "request-id": res.headers.get("request-id"),
    "client-request-id": clientRequestId,
  });
  expect(res.headers.get("client-request-id")).toBe(clientRequestId);
}

describe("errors the server answers itself", () => {
  it("404 for an unknown path names its request-id", async () => {
    const res = await call(emu, "/nothing/here", { headers: { "client-request-id": "c-404" } });
    expect(res.status).toBe(404);
    expectEnvelope(res, "NotFound", "c-404");
    expect(res.body.error.message).toContain("/nothing/here");
  });

  it("413 on a Graph path: Graph's envelope, CORS, and the connection is not reused", async () => {
    const res = await call(emu, "/beta/$batch", {
      method: "POST",
      body: "x".repeat(MAX_BODY_BYTES + 1),
      headers: { "Content-Type": "application/json", "client-request-id": "c-413", Origin: "http://localhost:3000" },
    });
    expect(res.status).toBe(413);
    expectEnvelope(res, "RequestEntityTooLarge", "c-413");
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(res.headers.get("connection")).toBe("close");
    expect((await call(emu, PARTNERS, { token: await appToken(emu) })).status).toBe(200);
  });

  it("500 on a Graph path: Graph's envelope, no details", async () => {
    const original = emu.faults.applyLatency.bind(emu.faults);
    emu.faults.applyLatency = () => Promise.reject(new Error("secret detail"));
    try {
      const res = await call(emu, PARTNERS, { token: await appToken(emu), headers: { "client-request-id": "c-500" } });
      expect(res.status).toBe(500);
      expectEnvelope(res, "generalException", "c-500");
      expect(JSON.stringify(res.body)).not.toContain("secret detail");
    } finally {
      emu.faults.applyLatency = original;
    }
  });
});
