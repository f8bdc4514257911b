import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listPartners } from "./partners";
import { restoreSyncPolicy } from "./deleted-sync-policies";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { answerOf } from "@/tests/streams";

// End to end through the real lib/graph with its defaults: only the global fetch is faked.
const calls: { method: string; url: string; authorization: string | null }[] = [];

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "request-id": `rid-${calls.length}` } });
}

beforeEach(() => {
  calls.length = 0;
  pinEmulatorEnv();
  vi.stubEnv("GRAPH_BASE_URL", "");
  vi.stubGlobal("fetch", async (input: string, init: RequestInit) => {
    const url = new URL(input);
    calls.push({ method: init.method ?? "GET", url: url.href, authorization: new Headers(init.headers).get("authorization") });
    if (url.pathname.endsWith("/partners")) return respond(200, { value: [{ tenantId: TENANT, identitySynchronization: { userSyncInbound: { isSyncAllowed: true } } }] });
    if (url.pathname.endsWith("/crossTenantSyncPolicyPartners")) return respond(403, { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." } });
    if (url.pathname.endsWith("/restore")) return respond(200, { value: { tenantId: TENANT, displayName: null, userSyncInbound: null } });
    return respond(404, { error: { code: "Request_ResourceNotFound", message: "no" } });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("actions over the real Graph client", () => {
  it("call the emulator's Graph root by default with the bearer token", async () => {
    const parts = await answerOf(await listPartners(TOKEN));
    expect(parts).toMatchObject([{ ok: true, data: [{ tenantId: TENANT, syncPolicy: { userSyncAllowed: true } }] }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toMatch(/^http:\/\/localhost:4010\/beta\/policies\/crossTenantAccessPolicy\/partners\?\$select=/);
    expect(calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("restore reads a value-wrapped answer", async () => {
    expect(await restoreSyncPolicy(TOKEN, TENANT, "deleted-items")).toMatchObject({ ok: true, data: { kind: "done", attempts: 1, policy: { tenantId: TENANT } } });
    expect(calls).toHaveLength(1);
  });
});
