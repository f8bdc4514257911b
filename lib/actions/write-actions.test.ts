import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setUpSync, updateSyncPolicy, purgeSyncPolicies } from "./sync-policy-writes";
import { deletePartner } from "./partner-writes";
import { listDeletedPartners } from "./partners";
import { findTenantByDomain, findTenantInformation } from "./tenant-information";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { answerOf } from "@/tests/streams";

const calls: { method: string; path: string; body: unknown }[] = [];
let answer: (method: string, path: string) => Response;

const empty = (status: number) => new Response(null, { status });
const error = (status: number, code: string) => new Response(JSON.stringify({ error: { code, message: code } }), { status, headers: { "content-type": "application/json" } });
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

beforeEach(() => {
  calls.length = 0;
  pinEmulatorEnv();
  vi.stubGlobal("fetch", async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const path = decodeURIComponent(url.pathname.replace(/^\/beta/, ""));
    calls.push({ method: init.method ?? "GET", path, body: typeof init.body === "string" ? JSON.parse(init.body) : null });
    return answer(init.method ?? "GET", path);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

const PARTNER = `/policies/crossTenantAccessPolicy/partners/${TENANT}`;
const SYNC = `${PARTNER}/identitySynchronization`;

describe("write actions", () => {
  it("refuse bad input before anything is sent", async () => {
    answer = () => empty(204);
    expect(await updateSyncPolicy(TOKEN, "not-a-guid", { userSyncAllowed: true })).toMatchObject({ ok: false, error: { code: "InvalidArgument", message: "tenantId must be a tenant id GUID" } });
    expect(await updateSyncPolicy(TOKEN, TENANT, {})).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(await setUpSync(TOKEN, TENANT, "   ", true)).toMatchObject({ ok: false, error: { message: "displayName must not be empty" } });
    expect(await findTenantByDomain(TOKEN, "https://evil.example/x")).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(await findTenantInformation(TOKEN, Array.from({ length: 501 }, () => TENANT))).toMatchObject({ ok: false });
    expect(await findTenantInformation(TOKEN, [])).toMatchObject({ ok: false });
    expect(await purgeSyncPolicies(TOKEN, [])).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });

  it("set up sync creates the policy named after the partner, then turns inbound redemption on keeping outbound", async () => {
    answer = (method, path) => {
      if (method === "GET" && path === PARTNER) return json({ tenantId: TENANT, automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true } });
      if (method === "GET" && path === SYNC) return json({ tenantId: TENANT, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } });
      return empty(204);
    };
    const result = await setUpSync(TOKEN, TENANT, " Fabrikam ", true);
    expect(result).toMatchObject({ ok: true, data: [{ write: "create-sync-policy", kind: "done", policy: { displayName: "Fabrikam" } }, { write: "set-inbound-redemption", kind: "done" }] });
    const writes = calls.filter((c) => c.method !== "GET");
    expect(writes).toEqual([
      { method: "PUT", path: SYNC, body: { displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } } },
      { method: "PATCH", path: PARTNER, body: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } } },
    ]);
  });

  it("set up sync never turns outbound redemption off because the partner could not be read", async () => {
    answer = (method, path) => {
      if (method === "GET" && path === PARTNER) return error(503, "ServiceUnavailable");
      if (method === "GET" && path === SYNC) return json({ tenantId: TENANT, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } });
      return empty(204);
    };
    const result = await setUpSync(TOKEN, TENANT, "Fabrikam", true);
    expect(result).toMatchObject({ ok: true, data: [{ kind: "done" }, { write: "set-inbound-redemption", kind: "failed", attempts: 0, error: { status: 503 } }] });
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([]);
  });

  it("a 401 on set up fails the action so the browser renews the token once", async () => {
    answer = () => error(401, "InvalidAuthenticationToken");
    expect(await setUpSync(TOKEN, TENANT, "Fabrikam", true)).toMatchObject({ ok: false, error: { status: 401 } });
  });

  it("deletes a partner's sync policy first, and stops when that fails", async () => {
    answer = () => empty(204);
    expect(await deletePartner(TOKEN, TENANT, true)).toMatchObject({ ok: true, data: [{ write: "delete-sync-policy", kind: "done" }, { write: "delete-partner", kind: "done" }] });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`DELETE ${SYNC}`, `DELETE ${PARTNER}`]);

    calls.length = 0;
    answer = () => error(403, "Authorization_RequestDenied");
    expect(await deletePartner(TOKEN, TENANT, true)).toMatchObject({ ok: true, data: [{ write: "delete-sync-policy", kind: "forbidden" }] });
    expect(calls).toHaveLength(1);
  });
});

describe("listDeletedPartners", () => {
  const LIST = "http://localhost:4010/beta/policies/deletedItems/crossTenantPartners";

  it("streams every page, following Graph's nextLinks of this list only", async () => {
    answer = (_method, path) =>
      calls.length === 1
        ? json({ value: [{ tenantId: TENANT, deletedDateTime: "2026-11-20T00:00:00Z" }], "@odata.nextLink": `${LIST}?$skiptoken=2` })
        : json({ value: [], "@odata.nextLink": path.includes("skiptoken") ? undefined : "http://localhost:4010/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=3" });
    const parts = await answerOf(await listDeletedPartners(TOKEN));
    expect(parts).toMatchObject([{ ok: true, data: [{ tenantId: TENANT }] }, { ok: false, error: { code: "UntrustedNextLink" } }]);
    expect(calls.map((call) => call.path)).toEqual(["/policies/deletedItems/crossTenantPartners", "/policies/deletedItems/crossTenantPartners"]);
  });

  it("takes the token alone: no paging link comes from the caller", async () => {
    answer = () => json({ value: [] });
    const result = await listDeletedPartners(...([TOKEN, `${LIST}?$skiptoken=2`] as unknown as [string]));
    expect(result).toMatchObject({ ok: false, error: { code: "InvalidArgument", message: "This action expects 1 argument: token" } });
    expect(calls).toHaveLength(0);
  });
});

