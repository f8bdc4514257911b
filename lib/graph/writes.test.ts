import { describe, expect, it } from "vitest";
import { batchHandler, fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN, type FakeHandler, type RecordedCall } from "@/tests/fake-fetch";
import { createSyncPolicy, deleteSyncPolicy, deleteSyncPolicyWrite, purgeSyncPolicies, purgeSyncPolicyWrite, updateSyncPolicy } from "./sync-policy-writes";
import { addPartner, deletePartner, deletePartnerWrite, purgePartnerWrite, restorePartner } from "./partner-writes";
import { partsOf } from "@/tests/streams";
import { findTenantByDomain, findTenantInformation, findTenantInformationInBatches, LOOKUP_CONCURRENCY } from "./tenant-information";

const ID = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const OTHER = "11111111-2222-4333-8444-555555555555";
const PARTNER_PATH = `/beta/policies/crossTenantAccessPolicy/partners/${ID}`;
const SYNC_PATH = `${PARTNER_PATH}/identitySynchronization`;

const on =
  (method: string, path: string, respond: (call: RecordedCall, index: number) => Response): FakeHandler =>
  (call, index) =>
    call.method === method && call.url.pathname === path ? respond(call, index) : undefined;

function setup(...handlers: FakeHandler[]) {
  const fake = fakeFetch(...handlers);
  const options = { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, random: () => 1 };
  const count = (method: string) => fake.calls.filter((c) => c.method === method).length;
  return { fake, options, count };
}

const lost = () => {
  throw new TypeError("socket hang up");
};

describe("sync policy writes", () => {
  it("create sends a PUT without tenantId and shows the policy read back", async () => {
    const { options, fake } = setup(
      on("PUT", SYNC_PATH, () => new Response(null, { status: 204 })),
      on("GET", SYNC_PATH, () => json(200, { tenantId: ID, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } })),
    );
    const outcome = await createSyncPolicy(TEST_TOKEN, ID, "Fabrikam", { userSyncAllowed: true }, options);
    expect(outcome).toMatchObject({ write: "create-sync-policy", kind: "done", policy: { displayName: "Fabrikam", userSyncAllowed: true } });
    expect(fake.calls[0]?.body).toEqual({ displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } });
  });

  it("a 409 on create becomes 'already exists' and shows the policy someone else created", async () => {
    const { options } = setup(
      on("PUT", SYNC_PATH, () => graphError(409, "Request_MultipleObjectsWithSameKeyValue", "exists", "r409")),
      on("GET", SYNC_PATH, () => json(200, { tenantId: ID, displayName: "Theirs", userSyncInbound: { isSyncAllowed: false } })),
    );
    expect(await createSyncPolicy(TEST_TOKEN, ID, "Fabrikam", { userSyncAllowed: true }, options)).toMatchObject({
      kind: "conflict",
      policy: { displayName: "Theirs" },
      error: { requestId: "r409" },
    });
  });

  it("a lost PATCH answer is settled by reading the policy, never by sending it again", async () => {
    const { options, count } = setup(
      on("PATCH", SYNC_PATH, lost),
      on("GET", SYNC_PATH, () => json(200, { tenantId: ID, userSyncInbound: { isSyncAllowed: false } })),
    );
    expect(await updateSyncPolicy(TEST_TOKEN, ID, { userSyncAllowed: false }, options)).toMatchObject({ kind: "done", policy: { userSyncAllowed: false } });
    expect(count("PATCH")).toBe(1);

    const unchanged = setup(on("PATCH", SYNC_PATH, lost), on("GET", SYNC_PATH, () => json(200, { tenantId: ID, userSyncInbound: { isSyncAllowed: true } })));
    expect(await updateSyncPolicy(TEST_TOKEN, ID, { userSyncAllowed: false }, unchanged.options)).toMatchObject({ kind: "unknown", retrySafe: true });
    expect(unchanged.count("PATCH")).toBe(1);
  });

  it("throttled writes are resent after Retry-After; a 504 is not", async () => {
    const throttled = setup(on("DELETE", SYNC_PATH, (_call, index) => (index === 0 ? graphError(429, "TooManyRequests", "slow", "r1", { "Retry-After": "1" }) : new Response(null, { status: 204 }))));
    expect(await deleteSyncPolicy(TEST_TOKEN, ID, throttled.options)).toMatchObject({ kind: "done", attempts: 2 });
    const timeout = setup(
      on("DELETE", SYNC_PATH, () => graphError(504, "gatewayTimeout", "late", "r504")),
      on("GET", SYNC_PATH, () => graphError(404, "Request_ResourceNotFound", "gone", "r")),
    );
    expect(await deleteSyncPolicy(TEST_TOKEN, ID, timeout.options)).toMatchObject({ kind: "done", attempts: 1 });
    expect(timeout.count("DELETE")).toBe(1);
  });

  it("deleting or purging what is already gone is 'already done'; 403 keeps the request-id", async () => {
    const gone = setup(on("DELETE", SYNC_PATH, () => graphError(404, "Request_ResourceNotFound", "gone", "r404")));
    expect(await deleteSyncPolicy(TEST_TOKEN, ID, gone.options)).toMatchObject({ write: "delete-sync-policy", kind: "already-done" });
    const purged = setup(batchHandler(() => ({ status: 404 })));
    expect(await purgeSyncPolicies(TEST_TOKEN, [ID], purged.options)).toMatchObject({ ok: true, data: [{ write: "purge-sync-policy", kind: "already-done" }] });
    const denied = setup(on("PATCH", SYNC_PATH, () => graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "r403")));
    expect(await updateSyncPolicy(TEST_TOKEN, ID, { groupSyncAllowed: true }, denied.options)).toMatchObject({ kind: "forbidden", error: { requestId: "r403" } });
  });

  it("purges many through $batch, resending only throttled items and re-reading lost ones", async () => {
    let round = 0;
    const { options, fake } = setup(
      batchHandler((item) => {
        if (item.method === "GET") return { status: 404 };
        if (item.url.includes(OTHER) && round++ === 0) return { status: 429, headers: { "Retry-After": "1" } };
        return item.url.includes(ID) ? { status: 504 } : { status: 204 };
      }),
    );
    const result = await purgeSyncPolicies(TEST_TOKEN, [ID, OTHER], options);
    expect(result).toMatchObject({
      ok: true,
      data: [
        { tenantId: ID, kind: "done", attempts: 1 },
        { tenantId: OTHER, kind: "done", attempts: 2 },
      ],
    });
    const deletes = fake.calls.flatMap((call) => (call.body as { requests: { id: string; method: string }[] }).requests).filter((r) => r.method === "DELETE");
    expect(deletes.filter((r) => r.id === ID)).toHaveLength(1);
  });
});

describe("partner writes", () => {
  it("adds a partner with only its tenant id; an existing one is a conflict", async () => {
    const { options, fake } = setup(on("POST", "/beta/policies/crossTenantAccessPolicy/partners", () => json(201, { tenantId: ID })));
    expect(await addPartner(TEST_TOKEN, ID, options)).toMatchObject({ write: "add-partner", kind: "done" });
    expect(fake.calls[0]?.body).toEqual({ tenantId: ID });
    const exists = setup(on("POST", "/beta/policies/crossTenantAccessPolicy/partners", () => graphError(409, "Request_MultipleObjectsWithSameKeyValue", "exists", "r")));
    expect(await addPartner(TEST_TOKEN, ID, exists.options)).toMatchObject({ kind: "conflict" });
  });

  it("a partner that still has a sync policy cannot be deleted: conflict", async () => {
    const { options } = setup(on("DELETE", PARTNER_PATH, () => graphError(400, "Request_BadRequest", "Delete the sync policy first.", "r400")));
    expect(await deletePartner(TEST_TOKEN, ID, options)).toMatchObject({ kind: "conflict", error: { requestId: "r400" } });
  });

  it("restoring a partner no longer in deleted items is 'not found'", async () => {
    const { options } = setup(on("POST", `/beta/policies/deletedItems/crossTenantPartners/${ID}/restore`, () => graphError(404, "Request_ResourceNotFound", "gone", "r")));
    expect(await restorePartner(TEST_TOKEN, ID, options)).toMatchObject({ write: "restore-partner", kind: "not-found" });
  });
});

describe("removals", () => {
  it("delete and purge what their path names, read that path back, and take a 404 for already done", () => {
    const removals = [
      [deleteSyncPolicyWrite(ID), "delete-sync-policy", `/policies/crossTenantAccessPolicy/partners/${ID}/identitySynchronization`],
      [purgeSyncPolicyWrite(ID), "purge-sync-policy", `/policies/deletedItems/crossTenantSyncPolicyPartners/${ID}`],
      [deletePartnerWrite(ID), "delete-partner", `/policies/crossTenantAccessPolicy/partners/${ID}`],
      [purgePartnerWrite(ID), "purge-partner", `/policies/deletedItems/crossTenantPartners/${ID}`],
    ] as const;
    for (const [write, kind, path] of removals) {
      expect(write).toMatchObject({ write: kind, tenantId: ID, method: "DELETE", path, reads: [path], rules: { notFound: "already-done", conflict: "conflict" } });
      expect(write.observe([{ status: 404, error: null, body: null }])).toEqual({ kind: "reached", policy: null });
      expect(write.observe([{ status: 200, error: null, body: {} }])).toEqual({ kind: "not-reached", policy: null });
    }
    expect(deletePartnerWrite(ID).rules.badRequest).toBe("conflict");
    expect(purgePartnerWrite(ID).rules.badRequest).toBeUndefined();
  });
});

describe("tenant information", () => {
  it("looks tenants up in one $batch: names for known ones, unknown ones listed", async () => {
    const { options, fake } = setup(
      batchHandler((item) =>
        item.url.includes(ID)
          ? { status: 200, body: { tenantId: ID, displayName: "Fabrikam", defaultDomainName: "fabrikam.onmicrosoft.com", federationBrandName: null } }
          : { status: 404, body: { error: { code: "Request_ResourceNotFound", message: "nope" } } },
      ),
    );
    const result = await findTenantInformation(TEST_TOKEN, [ID, OTHER, ID.toUpperCase()], options);
    expect(result).toEqual({
      ok: true,
      data: { found: [{ tenantId: ID, displayName: "Fabrikam", defaultDomainName: "fabrikam.onmicrosoft.com", federationBrandName: null }], unknown: [OTHER] },
    });
    expect(fake.calls).toHaveLength(1);
    const urls = (fake.calls[0]?.body as { requests: { url: string }[] }).requests.map((r) => r.url);
    expect(urls[0]).toBe(`/tenantRelationships/findTenantInformationByTenantId(tenantId='${ID}')`);
  });

  it("refuses more than one $batch of distinct tenants without calling Graph; repeats count once", async () => {
    const { options, fake } = setup(batchHandler(() => ({ status: 404 })));
    const ids = Array.from({ length: 21 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    expect(await findTenantInformation(TEST_TOKEN, ids, options)).toMatchObject({ ok: false, error: { status: 400, code: "InvalidBatch" } });
    expect(fake.calls).toHaveLength(0);
    expect(await findTenantInformation(TEST_TOKEN, [...ids.slice(0, 20), ids[0]!.toUpperCase()], options)).toMatchObject({ ok: true });
    expect(fake.calls).toHaveLength(1);
  });

  it("looks many tenants up in $batches of 20, several in flight, each answer handed over as it comes", async () => {
    const ids = Array.from({ length: 130 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    let inFlight = 0;
    let mostInFlight = 0;
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const { options, fake } = setup(async (call, index) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // The first $batch answers last: only once a later one has answered and the next has gone out.
      if (index === 0) await firstHeld;
      else await new Promise((resolve) => setTimeout(resolve, 1));
      if (index === LOOKUP_CONCURRENCY) releaseFirst();
      inFlight -= 1;
      return batchHandler((item) => ({ status: 200, body: { tenantId: item.url.slice(-38, -2), displayName: "Tenant", defaultDomainName: null, federationBrandName: null } }))(call, 0);
    });
    const parts = await partsOf(findTenantInformationInBatches(TEST_TOKEN, [...ids, ids[0]!.toUpperCase()], options));
    expect(parts.map((part) => part.ok && part.data.found.length)).toHaveLength(7);
    expect(parts[0]?.ok && parts[0].data.found.map((info) => info.tenantId)).not.toContain(ids[0]);
    expect(parts.flatMap((part) => (part.ok ? part.data.found.map((info) => info.tenantId) : [])).sort()).toEqual(ids);
    expect(fake.calls).toHaveLength(7);
    expect(mostInFlight).toBe(LOOKUP_CONCURRENCY);
  });

  it("ends the lookups with a $batch that failed outright, starting no more", async () => {
    const ids = Array.from({ length: 200 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    const { options, fake } = setup(() => graphError(403, "Authorization_RequestDenied", "no", "r403"));
    const parts = await partsOf(findTenantInformationInBatches(TEST_TOKEN, ids, options));
    expect(parts).toMatchObject([{ ok: false, error: { status: 403 } }]);
    expect(fake.calls).toHaveLength(LOOKUP_CONCURRENCY + 1);
  });

  it("a domain nobody has → null; a quote in it cannot break out of the literal", async () => {
    const { options, fake } = setup(() => graphError(404, "Request_ResourceNotFound", "nope", "r"));
    expect(await findTenantByDomain(TEST_TOKEN, "o'brien.example", options)).toEqual({ ok: true, data: null });
    expect(fake.calls[0]?.url.pathname).toContain("domainName='o''brien.example')");
  });
});
