import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listPartnersPage } from "./partners";
import { restoreSyncPolicy } from "./deleted-sync-policies";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";

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
    const page = await listPartnersPage(TOKEN, null);
    expect(page).toMatchObject({ ok: true, data: { partners: [{ tenantId: TENANT, syncPolicy: { userSyncAllowed: true } }], nextLink: null } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toMatch(/^http:\/\/localhost:4010\/beta\/policies\/crossTenantAccessPolicy\/partners\?\$select=/);
    expect(calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("refuse a nextLink to another host before any request", async () => {
    expect(await listPartnersPage(TOKEN, "https://graph.example.net/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1")).toMatchObject({
      ok: false,
      error: { status: 400, code: "InvalidArgument" },
    });
    expect(calls).toHaveLength(0);
  });

  it("restore reads a value-wrapped answer", async () => {
    expect(await restoreSyncPolicy(TOKEN, TENANT, "deleted-items")).toMatchObject({ ok: true, data: { kind: "done", attempts: 1, policy: { tenantId: TENANT } } });
    expect(calls).toHaveLength(1);
  });
});
