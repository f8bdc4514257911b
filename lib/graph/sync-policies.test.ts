import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN, type FakeHandler, type RecordedCall } from "@/tests/fake-fetch";
import { partsOf } from "@/tests/streams";
import { getDeletedSyncPolicy, getSyncPolicy, listDeletedSyncPolicies } from "./sync-policies";
import { restoreSyncPolicy } from "./sync-policy-writes";

const ID = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const LIVE_PATH = `/beta/policies/crossTenantAccessPolicy/partners/${ID}/identitySynchronization`;
const DELETED_PATH = `/beta/policies/deletedItems/crossTenantSyncPolicyPartners/${ID}`;
const RESTORE_DELETED = `${DELETED_PATH}/restore`;
const RESTORE_PARTNER = `${LIVE_PATH}/restore`;
const entity = { tenantId: ID, displayName: null, userSyncInbound: null, deletedDateTime: "2025-06-01T10:00:00Z" };

const on =
  (method: string, path: string, respond: (call: RecordedCall) => Response): FakeHandler =>
  (call) =>
    call.method === method && call.url.pathname === path ? respond(call) : undefined;

function setup(...handlers: FakeHandler[]) {
  const fake = fakeFetch(...handlers);
  const options = { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, random: () => 1 };
  const posts = () => fake.calls.filter((c) => c.method === "POST").length;
  return { fake, options, posts };
}

describe("sync policy reads", () => {
  it("getSyncPolicy maps the live policy and 404 → null", async () => {
    const found = setup(on("GET", LIVE_PATH, () => json(200, { ...entity, displayName: "Fabrikam" })));
    expect(await getSyncPolicy(TEST_TOKEN, ID, found.options)).toMatchObject({ ok: true, data: { displayName: "Fabrikam" } });
    const missing = setup(on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "gone", "r")));
    expect(await getSyncPolicy(TEST_TOKEN, ID, missing.options)).toEqual({ ok: true, data: null });
  });

  it("listDeletedSyncPolicies streams page by page, following Graph's nextLink, and tolerates null-heavy items", async () => {
    const list = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantSyncPolicyPartners`;
    const other = "11111111-2222-3333-4444-555555555555";
    const { options, fake } = setup((call) =>
      call.url.searchParams.has("$skiptoken")
        ? json(200, { value: [{ tenantId: other, deletedDateTime: "2025-06-02T00:00:00Z" }, { displayName: "no tenant id" }] })
        : json(200, { value: [entity], "@odata.nextLink": `${list}?$skiptoken=x` }),
    );
    const parts = await partsOf(listDeletedSyncPolicies(TEST_TOKEN, options));
    expect(parts.map((part) => part.ok && part.data.map((p) => [p.tenantId, p.displayName, p.userSyncAllowed]))).toEqual([[[ID, null, null]], [[other, null, null]]]);
    expect(fake.calls.map((c) => c.url.href)).toEqual([list, `${list}?$skiptoken=x`]);
  });

  it("listDeletedSyncPolicies sends no token to a page of another list", async () => {
    const partners = `${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1`;
    const { options, fake } = setup(() => json(200, { value: [entity], "@odata.nextLink": partners }));
    expect(await partsOf(listDeletedSyncPolicies(TEST_TOKEN, options))).toMatchObject([{ ok: false, error: { code: "UntrustedNextLink" } }]);
    expect(fake.calls).toHaveLength(1);
  });

  it("getDeletedSyncPolicy 404 → null", async () => {
    const { options } = setup(on("GET", DELETED_PATH, () => graphError(404, "Request_ResourceNotFound", "gone", "r")));
    expect(await getDeletedSyncPolicy(TEST_TOKEN, ID, options)).toEqual({ ok: true, data: null });
  });
});

describe("restoreSyncPolicy", () => {
  it("uses either route through one code path and accepts flat or value-wrapped bodies", async () => {
    const flat = setup(on("POST", RESTORE_DELETED, () => json(200, entity)));
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", flat.options)).toEqual({
      ok: true,
      data: {
        write: "restore-sync-policy",
        tenantId: ID,
        kind: "done",
        error: null,
        attempts: 1,
        retrySafe: false,
        policy: expect.objectContaining({ tenantId: ID, userSyncAllowed: null }),
      },
    });
    const wrapped = setup(on("POST", RESTORE_PARTNER, () => json(200, { value: { ...entity, userSyncInbound: { isSyncAllowed: true } } })));
    const result = await restoreSyncPolicy(TEST_TOKEN, ID, "partner", wrapped.options);
    expect(result).toMatchObject({ ok: true, data: { kind: "done", policy: { userSyncAllowed: true } } });
    expect(wrapped.posts()).toBe(1);
  });

  it("reads the live policy when a 2xx carries no body", async () => {
    const { options } = setup(on("POST", RESTORE_DELETED, () => json(204, null)), on("GET", LIVE_PATH, () => json(200, { ...entity, displayName: "Live" })));
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({ ok: true, data: { kind: "done", policy: { displayName: "Live" } } });
  });

  it("404 + live policy → already-restored", async () => {
    const { options, posts } = setup(
      on("POST", RESTORE_DELETED, () => graphError(404, "Request_ResourceNotFound", "not deleted", "r404")),
      on("GET", LIVE_PATH, () => json(200, { ...entity, displayName: "Live" })),
    );
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
      ok: true,
      data: { kind: "already-done", policy: { displayName: "Live" }, error: null },
    });
    expect(posts()).toBe(1);
  });

  it("404 + neither live nor in deleted items → purged, with the restore's request-id", async () => {
    const { options } = setup(
      on("POST", RESTORE_DELETED, () => graphError(404, "Request_ResourceNotFound", "not deleted", "r404")),
      on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "no partner", "rget")),
      on("GET", DELETED_PATH, () => graphError(404, "Request_ResourceNotFound", "none", "rdel")),
    );
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
      ok: true,
      data: { kind: "purged", error: { requestId: "r404" }, retrySafe: false },
    });
  });

  it("404 naming the partner while the policy is still in deleted items → partner-missing, on either route", async () => {
    for (const [route, path] of [
      ["deleted-items", RESTORE_DELETED],
      ["partner", RESTORE_PARTNER],
    ] as const) {
      const { options, posts } = setup(
        on("POST", path, () => graphError(404, "Request_ResourceNotFound", `Partner ${ID} not found.`, "r404")),
        on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "no partner", "rget")),
        on("GET", DELETED_PATH, () => json(200, entity)),
      );
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, route, options)).toMatchObject({
        ok: true,
        data: { kind: "partner-missing", policy: null, error: { status: 404, requestId: "r404" }, retrySafe: true },
      });
      expect(posts()).toBe(1);
    }
  });

  it("404 + deleted items unreadable → unknown, not purged", async () => {
    const { options } = setup(
      on("POST", RESTORE_DELETED, () => graphError(404, "Request_ResourceNotFound", "not deleted", "r404")),
      on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "no partner", "rget")),
      on("GET", DELETED_PATH, () => graphError(500, "InternalServerError", "boom", "rdel")),
    );
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
      ok: true,
      data: { kind: "unknown", retrySafe: null },
    });
  });

  it("409 → conflict with the live policy", async () => {
    const { options } = setup(
      on("POST", RESTORE_DELETED, () => graphError(409, "Request_MultipleObjectsWithSameKeyValue", "exists", "r409")),
      on("GET", LIVE_PATH, () => json(200, { ...entity, displayName: "Live" })),
    );
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
      ok: true,
      data: { kind: "conflict", policy: { displayName: "Live" }, error: { code: "Request_MultipleObjectsWithSameKeyValue" } },
    });
  });

  it("403 → forbidden with Graph's message; 401 → unauthorized; 500 → failed with request-id", async () => {
    const cases = [
      [graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "r403"), "forbidden"],
      [graphError(401, "InvalidAuthenticationToken", "expired", "r401"), "unauthorized"],
      [graphError(500, "InternalServerError", "boom", "r500"), "failed"],
    ] as const;
    for (const [response, kind] of cases) {
      const { options, posts } = setup(on("POST", RESTORE_DELETED, () => response.clone()));
      const result = await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options);
      expect(result).toMatchObject({ ok: true, data: { kind, error: { status: response.status, requestId: `r${response.status}` } } });
      expect(posts()).toBe(1);
    }
  });

  it("429 until retries run out → throttled, POST resent only after those answers", async () => {
    const { options, posts } = setup(on("POST", RESTORE_DELETED, () => graphError(429, "TooManyRequests", "slow", "r429", { "Retry-After": "4" })));
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
      ok: true,
      data: { kind: "throttled", attempts: 4, error: { retryAfterSeconds: 4 } },
    });
    expect(posts()).toBe(4);
  });

  it("503 is resent (definitely not done)", async () => {
    const { options, posts } = setup((call, i) => (call.method === "POST" ? (i === 0 ? graphError(503, "serviceNotAvailable", "busy", "r503") : json(200, entity)) : undefined));
    expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({ ok: true, data: { kind: "done", attempts: 2 } });
    expect(posts()).toBe(2);
  });

  describe("504 (gateway timeout): never resent, settled by re-reading live and deleted state", () => {
    const gatewayTimeout: FakeHandler = (call) => (call.method === "POST" ? graphError(504, "gatewayTimeout", "timed out", "r504") : undefined);

    it("live now → restored (the one POST landed)", async () => {
      const { options, posts } = setup(gatewayTimeout, on("GET", LIVE_PATH, () => json(200, entity)));
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
        ok: true,
        data: { kind: "done", attempts: 1, error: null, retrySafe: false },
      });
      expect(posts()).toBe(1);
    });

    it("still in deleted items → unknown, known safe to retry", async () => {
      const { options, posts } = setup(
        gatewayTimeout,
        on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "none", "r")),
        on("GET", DELETED_PATH, () => json(200, entity)),
      );
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
        ok: true,
        data: { kind: "unknown", attempts: 1, error: { status: 504, requestId: "r504", retryAfterSeconds: null }, retrySafe: true },
      });
      expect(posts()).toBe(1);
    });
  });

  describe("no answer (network failure or timeout): re-read, never resend", () => {
    const dropped: FakeHandler = (call) => (call.method === "POST" ? Promise.reject(new TypeError("socket hang up")) : undefined);

    it("live now → restored", async () => {
      const { options, posts } = setup(dropped, on("GET", LIVE_PATH, () => json(200, entity)));
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({ ok: true, data: { kind: "done", error: null } });
      expect(posts()).toBe(1);
    });

    it("not live, still in deleted items → unknown (safe to retry)", async () => {
      const { options, posts } = setup(
        dropped,
        on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "none", "r")),
        on("GET", DELETED_PATH, () => json(200, entity)),
      );
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({
        ok: true,
        data: { kind: "unknown", error: { code: "NetworkError" }, retrySafe: true },
      });
      expect(posts()).toBe(1);
    });

    it("neither live nor deleted → purged", async () => {
      const { options } = setup(
        dropped,
        on("GET", LIVE_PATH, () => graphError(404, "Request_ResourceNotFound", "none", "r")),
        on("GET", DELETED_PATH, () => graphError(404, "Request_ResourceNotFound", "none", "r")),
      );
      expect(await restoreSyncPolicy(TEST_TOKEN, ID, "deleted-items", options)).toMatchObject({ ok: true, data: { kind: "purged" } });
    });
  });
});
