import { beforeEach, describe, expect, it } from "vitest";
import { FABRIKAM_TENANT_ID } from "../seed";
import { adminToken, call, readerToken, setupEmulator, type Emulator } from "./helpers";

let emu: Emulator;
let admin: string;
let reader: string;
setupEmulator((started) => (emu = started));
beforeEach(async () => {
  [admin, reader] = await Promise.all([adminToken(emu), readerToken(emu)]);
});

const COHO = "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1";
const TREY = "13579bdf-2468-4ace-9bdf-13579bdf2468";
const LUCERNE = "24680ace-1357-4bdf-8ace-24680ace1357";
const restoreItem = (id: string, tenantId: string) => ({
  id,
  method: "POST",
  url: `/policies/deletedItems/crossTenantSyncPolicyPartners/${tenantId}/restore`,
});

type Item = { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string; innerError: Record<string, string> } } & Record<string, unknown> };

async function batch(token: string | undefined, requests: unknown[], version = "beta") {
  const res = await call(emu, `/${version}/$batch`, { method: "POST", token, body: { requests } });
  const byId = new Map<string, Item>((res.body?.responses ?? []).map((r: Item) => [r.id, r]));
  return { res, byId };
}

describe("$batch", () => {
  it("runs up to 20 requests and answers each by id", async () => {
    const requests = [
      { id: "1", method: "GET", url: "/policies/crossTenantAccessPolicy/partners?$top=2" },
      { id: "2", method: "GET", url: `policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}/identitySynchronization` },
      restoreItem("3", COHO),
      {
        id: "4",
        method: "PATCH",
        url: `/policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}/identitySynchronization`,
        headers: { "Content-Type": "application/json" },
        body: { userSyncInbound: { isSyncAllowed: false } },
      },
    ];
    const { res, byId } = await batch(admin, requests);
    expect(res.status).toBe(200);
    expect(byId.get("1")?.status).toBe(200);
    expect(byId.get("1")?.body?.["@odata.nextLink"]).toBeTruthy();
    expect(byId.get("2")?.body).toMatchObject({ displayName: "Fabrikam" });
    expect(byId.get("3")?.status).toBe(200);
    expect(byId.get("3")?.body).toMatchObject({ tenantId: COHO });
    expect(byId.get("4")?.status).toBe(204);
    expect(byId.get("4")?.body).toBeNull();

    const twenty = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, method: "GET", url: "/policies/deletedItems/crossTenantSyncPolicyPartners" }));
    const ok = await batch(admin, twenty);
    expect(ok.res.status).toBe(200);
    expect(ok.byId.size).toBe(20);
  });

  it("400 for more than 20 requests, duplicate ids, or a dependsOn on a later id", async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: "GET", url: "/policies/crossTenantAccessPolicy/partners" }));
    expect((await batch(admin, many)).res.status).toBe(400);
    const dup = [
      { id: "a", method: "GET", url: "/policies/crossTenantAccessPolicy/partners" },
      { id: "a", method: "GET", url: "/policies/crossTenantAccessPolicy/partners" },
    ];
    const dupRes = (await batch(admin, dup)).res;
    expect(dupRes.status).toBe(400);
    expect(dupRes.body.error.code).toBe("Request_BadRequest");
    const forward = [
      { id: "a", method: "GET", url: "/policies/crossTenantAccessPolicy/partners", dependsOn: ["b"] },
      { id: "b", method: "GET", url: "/policies/crossTenantAccessPolicy/partners" },
    ];
    expect((await batch(admin, forward)).res.status).toBe(400);
    const malformed = await call(emu, "/beta/$batch", { method: "POST", token: admin, body: { nope: [] } });
    expect(malformed.status).toBe(400);
  });

  it("401 for the envelope without a token", async () => {
    const { res } = await batch(undefined, [restoreItem("1", COHO)]);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("424 with the full envelope when a dependency failed", async () => {
    const { byId } = await batch(admin, [
      restoreItem("1", "99999999-9999-4999-8999-999999999999"),
      { ...restoreItem("2", COHO), dependsOn: ["1"] },
      { ...restoreItem("3", TREY), dependsOn: ["2"] },
    ]);
    expect(byId.get("1")?.status).toBe(404);
    expect(byId.get("2")?.status).toBe(424);
    expect(byId.get("2")?.body?.error?.code).toBe("FailedDependency");
    expect(byId.get("2")?.body?.error?.innerError["request-id"]).toBeTruthy();
    expect(byId.get("3")?.status).toBe(424);
    const still = await call(emu, `/beta/policies/deletedItems/crossTenantSyncPolicyPartners/${COHO}`, { token: admin });
    expect(still.status).toBe(200);
  });

  it("authorises each item on its own", async () => {
    const { res, byId } = await batch(reader, [
      { id: "read", method: "GET", url: `/policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}/identitySynchronization` },
      restoreItem("write", COHO),
      { id: "bad", method: "GET", url: "/policies/crossTenantAccessPolicy/partners/not-a-guid" },
    ]);
    expect(res.status).toBe(200);
    expect(byId.get("read")?.status).toBe(200);
    expect(byId.get("write")?.status).toBe(403);
    expect(byId.get("write")?.body?.error?.code).toBe("Authorization_RequestDenied");
    expect(byId.get("bad")?.status).toBe(400);
  });

  it("item errors: body without Content-Type, absolute url, nested $batch", async () => {
    const { byId } = await batch(admin, [
      { id: "1", method: "PATCH", url: `/policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}`, body: { isServiceProvider: false } },
      { id: "2", method: "GET", url: "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners" },
      { id: "3", method: "POST", url: "/$batch" },
    ]);
    expect([byId.get("1")?.status, byId.get("2")?.status, byId.get("3")?.status]).toEqual([400, 400, 400]);
  });

  it("fail-next rules apply to matching items, consuming one per item", async () => {
    await call(emu, "/_emulator/faults/fail-next", { method: "POST", body: { count: 2, path: "/restore", status: 429, retryAfterSeconds: 7 } });
    const { res, byId } = await batch(admin, [
      restoreItem("1", COHO),
      restoreItem("2", TREY),
      restoreItem("3", LUCERNE),
      { id: "4", method: "GET", url: "/policies/crossTenantAccessPolicy/partners" },
    ]);
    expect(res.status).toBe(200);
    const statuses = ["1", "2", "3"].map((id) => byId.get(id)?.status).sort();
    expect(statuses).toEqual([200, 429, 429]);
    for (const id of ["1", "2", "3"]) {
      const item = byId.get(id);
      if (item?.status === 429) {
        expect(item.headers["Retry-After"]).toBe("7");
        expect(item.body?.error?.code).toBe("TooManyRequests");
      }
    }
    expect(byId.get("4")?.status).toBe(200);
    expect((await call(emu, "/_emulator/faults")).body.failNext).toEqual([]);
  });

  it("random throttling hits items, not the envelope", async () => {
    await call(emu, "/_emulator/faults", { method: "PUT", body: { throttleRate: 1, retryAfterSeconds: 3 } });
    const { res, byId } = await batch(admin, [restoreItem("1", COHO), restoreItem("2", TREY)]);
    expect(res.status).toBe(200);
    expect(byId.get("1")?.status).toBe(429);
    expect(byId.get("1")?.headers["Retry-After"]).toBe("3");
    await call(emu, "/_emulator/faults", { method: "PUT", body: { throttleRate: 0, unavailableRate: 1 } });
    const unavailable = await batch(admin, [restoreItem("1", COHO)]);
    expect(unavailable.byId.get("1")?.status).toBe(503);
    expect(unavailable.byId.get("1")?.body?.error?.code).toBe("serviceNotAvailable");
  });

  it("works on v1.0 with v1.0 semantics", async () => {
    const { res, byId } = await batch(admin, [
      { id: "1", method: "GET", url: "/policies/crossTenantAccessPolicy/partners" },
      restoreItem("2", COHO),
    ], "v1.0");
    expect(res.status).toBe(200);
    expect(byId.get("1")?.status).toBe(200);
    expect(byId.get("2")?.status).toBe(400);
  });
});
