import { describe, expect, it, vi } from "vitest";
import { sendBatch, splitIntoBatches, uniqueTenantIds } from "./batch";
import { restoreSyncPolicies } from "./sync-policy-writes";
import { batchHandler, fakeFetch, json, noSleep, TEST_ROOT, TEST_TOKEN, type FakeBatchItemRequest, type FakeHandler } from "@/tests/fake-fetch";

const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const envelope = (_status: number, code: string, requestId: string) => ({
  error: { code, message: `${code} message`, innerError: { "request-id": requestId, date: "2025-01-01T00:00:00" } },
});

describe("splitIntoBatches", () => {
  const sizes = (n: number) => splitIntoBatches(Array.from({ length: n }, (_, i) => i)).map((b) => b.length);

  it("splits into batches of at most 20, keeping order", () => {
    expect(sizes(0)).toEqual([]);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(20)).toEqual([20]);
    expect(sizes(21)).toEqual([20, 1]);
    expect(sizes(45)).toEqual([20, 20, 5]);
    expect(splitIntoBatches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it("rejects a nonsensical size", () => {
    expect(() => splitIntoBatches([1], 0)).toThrow(RangeError);
  });
});

describe("uniqueTenantIds", () => {
  it("drops duplicates regardless of case, keeping first-seen order", () => {
    expect(uniqueTenantIds([guid(2), guid(1), guid(2).toUpperCase(), guid(1)])).toEqual([guid(2), guid(1)]);
  });
});

describe("sendBatch", () => {
  const options = (fetchImpl: typeof fetch) => ({ graphRoot: TEST_ROOT, fetch: fetchImpl, sleep: noSleep });

  it("refuses more than 20 requests or duplicate ids without calling Graph", async () => {
    const fake = fakeFetch(() => json(200, { responses: [] }));
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET" as const, url: "/x" }));
    expect(await sendBatch(TEST_TOKEN, many, options(fake.fetch))).toMatchObject({ ok: false, error: { code: "InvalidBatch" } });
    const dup = [
      { id: "a", method: "GET" as const, url: "/x" },
      { id: "a", method: "GET" as const, url: "/y" },
    ];
    expect(await sendBatch(TEST_TOKEN, dup, options(fake.fetch))).toMatchObject({ ok: false, error: { code: "InvalidBatch" } });
    expect(fake.calls).toHaveLength(0);
  });

  it("posts to /beta/$batch, adds Content-Type to bodies, answers in request order with missing items as status 0", async () => {
    const fake = fakeFetch(() => json(200, { responses: [{ id: "b", status: 204, headers: { "Request-Id": "rb" } }] }));
    const result = await sendBatch(
      TEST_TOKEN,
      [
        { id: "a", method: "GET", url: "/x" },
        { id: "b", method: "PATCH", url: "/y", body: { z: 1 } },
      ],
      options(fake.fetch),
    );
    expect(fake.calls[0]!.url.pathname).toBe("/beta/$batch");
    expect(fake.calls[0]!.body).toEqual({
      requests: [
        { id: "a", method: "GET", url: "/x" },
        { id: "b", method: "PATCH", url: "/y", body: { z: 1 }, headers: { "Content-Type": "application/json" } },
      ],
    });
    expect(result).toEqual({
      ok: true,
      data: [
        { id: "a", status: 0, headers: {}, body: null },
        { id: "b", status: 204, headers: { "request-id": "rb" }, body: null },
      ],
    });
  });
});

/** A tiny stateful Graph: which ids are deleted, which are live, and which items to throttle. */
function fakeGraph(init: {
  deleted: string[];
  live?: string[];
  throttle?: Record<string, number[]>;
  itemStatus?: Record<string, number>;
  /** Deleted sync policies whose partner configuration is gone: restore answers 404 naming the partner. */
  partnerGone?: string[];
}) {
  const deleted = new Set(init.deleted);
  const live = new Set(init.live ?? []);
  const throttle = new Map(Object.entries(init.throttle ?? {}).map(([id, waits]) => [id, [...waits]]));
  const posts = new Map<string, number>();
  const idOf = (url: string) => url.match(/[0-9a-f-]{36}/)?.[0] ?? "";

  const answer = (item: FakeBatchItemRequest): { status: number; body?: unknown; headers?: Record<string, string> } | undefined => {
    const id = idOf(item.url);
    if (item.method === "POST" && item.url.endsWith("/restore")) {
      posts.set(id, (posts.get(id) ?? 0) + 1);
      const waits = throttle.get(id);
      const wait = waits?.shift();
      if (wait !== undefined) {
        return { status: 429, headers: wait > 0 ? { "Retry-After": String(wait) } : {}, body: envelope(429, "TooManyRequests", `t-${id}`) };
      }
      const forced = init.itemStatus?.[id];
      if (forced) return { status: forced, headers: { "request-id": `h-${id}` }, body: envelope(forced, "Forced", `inner-${id}`) };
      if (!deleted.has(id)) return { status: 404, body: envelope(404, "Request_ResourceNotFound", `nf-${id}`) };
      if (init.partnerGone?.includes(id)) return { status: 404, body: envelope(404, "Request_ResourceNotFound", `pg-${id}`) };
      if (live.has(id)) return { status: 409, body: envelope(409, "Request_MultipleObjectsWithSameKeyValue", `c-${id}`) };
      deleted.delete(id);
      live.add(id);
      return { status: 200, body: { value: { tenantId: id, displayName: null, userSyncInbound: null } } };
    }
    if (item.method === "GET" && item.url.endsWith("/identitySynchronization")) {
      return live.has(id) ? { status: 200, body: { tenantId: id, displayName: `live ${id}` } } : { status: 404, body: envelope(404, "Request_ResourceNotFound", "g") };
    }
    if (item.method === "GET" && item.url.includes("/deletedItems/")) {
      return deleted.has(id) ? { status: 200, body: { tenantId: id } } : { status: 404, body: envelope(404, "Request_ResourceNotFound", "g") };
    }
    return undefined;
  };
  return { handler: batchHandler(answer), deleted, live, posts };
}

function run(handlers: FakeHandler[], tenantIds: string[], extra: { maxRetries?: number } = {}) {
  const fake = fakeFetch(...handlers);
  const sleep = vi.fn(noSleep);
  const promise = restoreSyncPolicies(TEST_TOKEN, tenantIds, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep, random: () => 1, ...extra });
  return { fake, sleep, promise };
}

const batchBodies = (calls: { body: unknown }[]) => calls.map((c) => (c.body as { requests: FakeBatchItemRequest[] }).requests);

describe("restoreSyncPolicies", () => {
  it("restores 25 ids in batches of 20 + 5, retrying only the throttled items, each POSTed once per attempt", async () => {
    const ids = Array.from({ length: 25 }, (_, i) => guid(i + 1));
    const graph = fakeGraph({ deleted: ids, throttle: { [guid(3)]: [2], [guid(7)]: [5], [guid(22)]: [0] } });
    const { fake, sleep, promise } = run([graph.handler], [...ids, guid(3).toUpperCase()]);
    const result = await promise;

    expect(result.ok).toBe(true);
    const outcomes = result.ok ? result.data : [];
    expect(outcomes.map((o) => o.tenantId)).toEqual(ids);
    expect(outcomes.every((o) => o.kind === "done")).toBe(true);
    expect(outcomes.filter((o) => o.attempts === 2).map((o) => o.tenantId).sort()).toEqual([guid(3), guid(7), guid(22)]);
    expect([...graph.posts.values()].reduce((a, b) => a + b)).toBe(28);
    expect(graph.live.size).toBe(25);

    const batches = batchBodies(fake.calls);
    expect(batches.map((b) => b.length).sort((a, b) => a - b)).toEqual([1, 2, 5, 20]);
    const retried = batches.filter((b) => b.length < 5).flat().map((r) => r.id).sort();
    expect(retried).toEqual([guid(3), guid(7), guid(22)]);
    expect(batches.flat().every((r) => r.method === "POST" && r.url.startsWith("/policies/deletedItems/crossTenantSyncPolicyPartners/"))).toBe(true);
    // First chunk waits for its largest item Retry-After (5 s); the second had none and backs off.
    expect(sleep.mock.calls.map(([ms]) => ms).sort((a, b) => a - b)).toEqual([500, 5_000]);
  });

  it("gives up on items still throttled after the bounded attempts, with retryAfterSeconds", async () => {
    const graph = fakeGraph({ deleted: [guid(1), guid(2)], throttle: { [guid(1)]: [3, 3, 3] } });
    const { promise } = run([graph.handler], [guid(1), guid(2)], { maxRetries: 2 });
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: guid(1), kind: "throttled", attempts: 3, error: { status: 429, retryAfterSeconds: 3, requestId: `t-${guid(1)}` } },
        { tenantId: guid(2), kind: "done", attempts: 1 },
      ],
    });
    expect(graph.posts.get(guid(1))).toBe(3);
  });

  it("settles 404 and 409 items with one follow-up batch of GETs, and maps 403 / other failures", async () => {
    const alreadyLive = guid(1);
    const purged = guid(2);
    const conflicting = guid(3);
    const forbidden = guid(4);
    const broken = guid(5);
    const graph = fakeGraph({
      deleted: [conflicting, forbidden, broken],
      live: [alreadyLive, conflicting],
      itemStatus: { [forbidden]: 403, [broken]: 500 },
    });
    const { fake, promise } = run([graph.handler], [alreadyLive, purged, conflicting, forbidden, broken]);
    const result = await promise;
    expect(result).toMatchObject({
      ok: true,
      data: [
        { tenantId: alreadyLive, kind: "already-done", policy: { displayName: `live ${alreadyLive}` }, error: null },
        { tenantId: purged, kind: "purged", policy: null, error: { status: 404, requestId: `nf-${purged}` } },
        { tenantId: conflicting, kind: "conflict", policy: { displayName: `live ${conflicting}` }, error: { status: 409 } },
        { tenantId: forbidden, kind: "forbidden", error: { status: 403, code: "Forced", requestId: `h-${forbidden}` } },
        { tenantId: broken, kind: "failed", error: { status: 500, requestId: `h-${broken}` } },
      ],
    });
    const batches = batchBodies(fake.calls);
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /policies/crossTenantAccessPolicy/partners/${alreadyLive}/identitySynchronization`,
      `GET /policies/deletedItems/crossTenantSyncPolicyPartners/${alreadyLive}`,
      `GET /policies/crossTenantAccessPolicy/partners/${purged}/identitySynchronization`,
      `GET /policies/deletedItems/crossTenantSyncPolicyPartners/${purged}`,
      `GET /policies/crossTenantAccessPolicy/partners/${conflicting}/identitySynchronization`,
      `GET /policies/deletedItems/crossTenantSyncPolicyPartners/${conflicting}`,
    ]);
  });

  it("tells a 404 for a policy whose partner is gone (still in deleted items) from a purged one", async () => {
    const partnerGone = guid(1);
    const purged = guid(2);
    const graph = fakeGraph({ deleted: [partnerGone], partnerGone: [partnerGone] });
    const { promise } = run([graph.handler], [partnerGone, purged]);
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: partnerGone, kind: "partner-missing", policy: null, error: { status: 404, requestId: `pg-${partnerGone}` }, retrySafe: true },
        { tenantId: purged, kind: "purged", retrySafe: false },
      ],
    });
    expect(graph.posts.get(partnerGone)).toBe(1);
  });

  it("never resends an item that got a 504: re-reads its state instead", async () => {
    const timedOut = guid(1);
    const graph = fakeGraph({ deleted: [timedOut, guid(2)], itemStatus: { [timedOut]: 504 } });
    const { sleep, promise } = run([graph.handler], [timedOut, guid(2)]);
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: timedOut, kind: "unknown", attempts: 1, error: { status: 504, requestId: `h-${timedOut}` }, retrySafe: true },
        { tenantId: guid(2), kind: "done", attempts: 1 },
      ],
    });
    expect(graph.posts.get(timedOut)).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("never resends after a 504 envelope: the restores may have run, so it re-reads live and deleted state", async () => {
    const landed = guid(1);
    const notRun = guid(2);
    const gone = guid(3);
    const graph = fakeGraph({ deleted: [landed, notRun], itemStatus: { [notRun]: 500 } });
    // The backend ran the batch, then the gateway gave up waiting for it.
    const gatewayTimeout: FakeHandler = async (call, index) => {
      const requests = (call.body as { requests?: FakeBatchItemRequest[] } | null)?.requests ?? [];
      if (!requests.some((r) => r.method === "POST")) return undefined;
      await graph.handler(call, index);
      return json(504, envelope(504, "gatewayTimeout", "r504"), { "request-id": "r504" });
    };
    const { fake, sleep, promise } = run([gatewayTimeout, graph.handler], [landed, notRun, gone]);
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: landed, kind: "done", attempts: 1, error: null, policy: { displayName: `live ${landed}` } },
        { tenantId: notRun, kind: "unknown", attempts: 1, error: { status: 504, requestId: "r504", retryAfterSeconds: null }, retrySafe: true },
        { tenantId: gone, kind: "purged", attempts: 1 },
      ],
    });
    const batches = batchBodies(fake.calls);
    expect(batches.filter((b) => b.some((r) => r.method === "POST"))).toHaveLength(1);
    expect(batches[1]!.map((r) => `${r.method} ${r.url.split("/").slice(-2).join("/")}`)).toEqual([
      `GET ${landed}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${landed}`,
      `GET ${notRun}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${notRun}`,
      `GET ${gone}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${gone}`,
    ]);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("treats a 429 envelope as every item throttled: waits its Retry-After, then resends them through the item loop", async () => {
    const graph = fakeGraph({ deleted: [guid(1), guid(2)] });
    const throttledOnce: FakeHandler = (call, index) =>
      index === 0 ? json(429, envelope(429, "TooManyRequests", "r429"), { "Retry-After": "2", "request-id": "r429" }) : undefined;
    const { fake, sleep, promise } = run([throttledOnce, graph.handler], [guid(1), guid(2)]);
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: guid(1), kind: "done", attempts: 2 },
        { tenantId: guid(2), kind: "done", attempts: 2 },
      ],
    });
    expect(fake.calls).toHaveLength(2);
    expect(sleep.mock.calls).toEqual([[2_000]]);
  });

  it("gives up on a 503 envelope after the item loop's bounded attempts, never resending the envelope on its own", async () => {
    const fake = fakeFetch(() => json(503, envelope(503, "serviceNotAvailable", "r503"), { "request-id": "r503" }));
    const sleep = vi.fn(noSleep);
    const result = await restoreSyncPolicies(TEST_TOKEN, [guid(1), guid(2)], {
      graphRoot: TEST_ROOT,
      fetch: fake.fetch,
      sleep,
      random: () => 1,
      maxRetries: 1,
    });
    expect(result).toMatchObject({
      ok: true,
      data: [
        { tenantId: guid(1), kind: "throttled", attempts: 2, error: { status: 503, requestId: "r503", retryAfterSeconds: 1 } },
        { tenantId: guid(2), kind: "throttled", attempts: 2 },
      ],
    });
    expect(fake.calls).toHaveLength(2);
    // No Retry-After: the envelope's backoff hint (500 ms on the first round with random = 1, in whole seconds) is waited.
    expect(sleep.mock.calls).toEqual([[1_000]]);
  });

  it("takes an item's request-id from the error envelope when its headers lack one", async () => {
    const fake = fakeFetch(batchHandler(() => ({ status: 400, body: envelope(400, "Request_BadRequest", "inner-400") })));
    const result = await restoreSyncPolicies(TEST_TOKEN, [guid(1)], { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep });
    expect(result).toMatchObject({ ok: true, data: [{ kind: "failed", error: { code: "Request_BadRequest", requestId: "inner-400" } }] });
  });

  it("applies a 401 envelope to every item of the chunk, without follow-up reads", async () => {
    const fake = fakeFetch(() => json(401, envelope(401, "InvalidAuthenticationToken", "r401"), { "request-id": "r401" }));
    const result = await restoreSyncPolicies(TEST_TOKEN, [guid(1), guid(2)], { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep });
    expect(result).toMatchObject({
      ok: true,
      data: [
        { kind: "unauthorized", attempts: 1, error: { status: 401, requestId: "r401" } },
        { kind: "unauthorized", attempts: 1 },
      ],
    });
    expect(fake.calls).toHaveLength(1);
  });

  it("never resends after a lost envelope: re-reads live and deleted state instead", async () => {
    const landed = guid(1);
    const stillDeleted = guid(2);
    const gone = guid(3);
    const graph = fakeGraph({ deleted: [stillDeleted], live: [landed] });
    const dropRestores: FakeHandler = (call) => {
      const requests = (call.body as { requests?: FakeBatchItemRequest[] } | null)?.requests ?? [];
      return requests.some((r) => r.method === "POST") ? Promise.reject(new TypeError("socket hang up")) : undefined;
    };
    const { fake, promise } = run([dropRestores, graph.handler], [landed, stillDeleted, gone]);
    expect(await promise).toMatchObject({
      ok: true,
      data: [
        { tenantId: landed, kind: "done", policy: { displayName: `live ${landed}` }, error: null },
        { tenantId: stillDeleted, kind: "unknown", error: { status: 0, code: "NetworkError" }, retrySafe: true },
        { tenantId: gone, kind: "purged" },
      ],
    });
    const batches = batchBodies(fake.calls);
    expect(batches.filter((b) => b.some((r) => r.method === "POST"))).toHaveLength(1);
    expect(batches[1]!.map((r) => `${r.method} ${r.url.split("/").slice(-2).join("/")}`)).toEqual([
      `GET ${landed}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${landed}`,
      `GET ${stillDeleted}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${stillDeleted}`,
      `GET ${gone}/identitySynchronization`,
      `GET crossTenantSyncPolicyPartners/${gone}`,
    ]);
  });

  it("treats an item Graph left out of the envelope as unknown and re-reads it", async () => {
    const graph = fakeGraph({ deleted: [guid(1)] });
    const omitPosts: FakeHandler = (call) => {
      const requests = (call.body as { requests?: FakeBatchItemRequest[] } | null)?.requests ?? [];
      return requests.some((r) => r.method === "POST") ? json(200, { responses: [] }) : undefined;
    };
    const { promise } = run([omitPosts, graph.handler], [guid(1)]);
    expect(await promise).toMatchObject({ ok: true, data: [{ kind: "unknown", error: { code: "MissingBatchItem" } }] });
  });

  it("returns an empty list for no ids without calling Graph", async () => {
    const { fake, promise } = run([], []);
    expect(await promise).toEqual({ ok: true, data: [] });
    expect(fake.calls).toHaveLength(0);
  });
});
