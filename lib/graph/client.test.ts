import { afterEach, describe, expect, it, vi } from "vitest";
import { buildGraphUrl, CONFIG_ERROR_MESSAGE, graphRequest, resolveGraphRoots, sendGraphRequest } from "./client";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";

const base = { token: TEST_TOKEN, method: "GET" as const, path: "/policies/crossTenantAccessPolicy/partners" };

describe("graphRequest", () => {
  it("sends the bearer token, a client-request-id and Accept to {root}/beta", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }, { "request-id": "rid-1" }));
    const result = await graphRequest({ ...base, query: { $expand: "identitySynchronization" } }, { graphRoot: `${TEST_ROOT}/`, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: true, data: { status: 200, body: { value: [] }, requestId: "rid-1" } });
    const call = fake.calls[0]!;
    expect(call.url.href).toBe(`${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization`);
    expect(call.headers.get("authorization")).toBe(`Bearer ${TEST_TOKEN}`);
    expect(call.headers.get("accept")).toBe("application/json");
    expect(call.headers.get("client-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends JSON bodies with Content-Type", async () => {
    const fake = fakeFetch(() => json(204, null));
    const result = await graphRequest({ ...base, method: "PATCH", body: { displayName: "x" } }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: true, data: { status: 204, body: null } });
    expect(fake.calls[0]!.headers.get("content-type")).toBe("application/json");
    expect(fake.calls[0]!.body).toEqual({ displayName: "x" });
  });

  it("honours Retry-After with the injected sleep and keeps one client-request-id", async () => {
    const sleep = vi.fn(noSleep);
    const fake = fakeFetch((_call, i) => (i === 0 ? graphError(429, "TooManyRequests", "slow down", "r0", { "Retry-After": "3" }) : json(200, {})));
    const result = await graphRequest(base, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep });
    expect(result.ok).toBe(true);
    expect(sleep).toHaveBeenCalledExactlyOnceWith(3_000);
    expect(fake.calls[1]!.headers.get("client-request-id")).toBe(fake.calls[0]!.headers.get("client-request-id"));
  });

  it("never retries before a Retry-After longer than it may hold the request; hands the wait back instead", async () => {
    const sleep = vi.fn(noSleep);
    const fake = fakeFetch(() => graphError(503, "serviceNotAvailable", "busy", "r0", { "Retry-After": "600" }));
    const result = await graphRequest(base, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep });
    expect(sleep).not.toHaveBeenCalled();
    expect(fake.calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { status: 503, requestId: "r0", retryAfterSeconds: 600 } });
  });

  it("waits Retry-After within the cap, and backs off with jitter without the header", async () => {
    const sleep = vi.fn(noSleep);
    const fake = fakeFetch((_call, i) =>
      i === 0 ? graphError(429, "TooManyRequests", "slow down", "r0", { "Retry-After": "3" }) : i === 1 ? graphError(504, "gatewayTimeout", "slow", "r1") : json(200, {}),
    );
    await graphRequest(base, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep, random: () => 1, maxRetryWaitMs: 5_000 });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([3_000, 1_000]);
  });

  it("stops after maxRetries and returns the error with retryAfterSeconds", async () => {
    const fake = fakeFetch(() => graphError(429, "TooManyRequests", "slow down", "r-last", { "Retry-After": "7" }));
    const exchange = await sendGraphRequest({ ...base, method: "POST" }, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, maxRetries: 2 });
    expect(exchange.attempts).toBe(3);
    expect(exchange.statuses).toEqual([429, 429, 429]);
    expect(exchange.result).toEqual({
      ok: false,
      error: { status: 429, code: "TooManyRequests", message: "slow down", requestId: "r-last", retryAfterSeconds: 7 },
    });
  });

  it("gives a throttled error a wait hint even without Retry-After", async () => {
    const fake = fakeFetch(() => json(503, {}));
    const result = await graphRequest(base, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep, maxRetries: 0, random: () => 1 });
    expect(result.ok || result.error.retryAfterSeconds).toBe(1);
  });

  it("never retries other failures", async () => {
    const fake = fakeFetch(() => graphError(500, "InternalServerError", "boom", "r500"));
    const exchange = await sendGraphRequest({ ...base, method: "POST" }, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep });
    expect(fake.calls).toHaveLength(1);
    expect(exchange.result).toMatchObject({ ok: false, error: { status: 500, requestId: "r500" } });
  });

  it("maps network failures to status 0 NetworkError without retrying", async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError(`fetch failed for Bearer ${TEST_TOKEN}`)));
    const result = await graphRequest({ ...base, method: "POST" }, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep });
    expect(fake.calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: "NetworkError", requestId: null } });
    expect(JSON.stringify(result)).not.toContain(TEST_TOKEN);
  });

  it("maps a slow answer to status 0 Timeout", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const result = await graphRequest(base, { graphRoot: TEST_ROOT, fetch: hanging, timeoutMs: 10 });
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: "Timeout" } });
  });

  it("maps non-JSON error bodies and keeps the token out of errors", async () => {
    const fake = fakeFetch(() => new Response("upstream exploded", { status: 502, headers: { "request-id": "r502" } }));
    const result = await graphRequest(base, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toEqual({
      ok: false,
      error: { status: 502, code: "Http502", message: "upstream exploded", requestId: "r502", retryAfterSeconds: null },
    });
    expect(JSON.stringify(result)).not.toContain(TEST_TOKEN);
  });

  it("refuses absolute URLs on another origin without sending anything", async () => {
    const fake = fakeFetch(() => json(200, {}));
    const result = await graphRequest({ ...base, path: "https://evil.test/beta/x" }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("a broken server configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  function breakGraphBaseUrl(value: string) {
    for (const name of ["AZURE_CLOUD", "AZURE_AUTHORITY", "EMULATOR_URL"]) vi.stubEnv(name, "");
    vi.stubEnv("AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555");
    vi.stubEnv("AZURE_TENANT_ID", "66666666-7777-8888-9999-000000000000");
    vi.stubEnv("GRAPH_BASE_URL", value);
  }

  it("reaches the caller as a fixed message; the real reason goes to the server log only", async () => {
    const secretish = "ftp://internal-only.corp.example/leak-me";
    breakGraphBaseUrl(secretish);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const fake = fakeFetch(() => json(200, {}));

    const result = await graphRequest(base, { fetch: fake.fetch });

    expect(result).toEqual({
      ok: false,
      error: { status: 500, code: "ConfigError", message: CONFIG_ERROR_MESSAGE, requestId: null, retryAfterSeconds: null },
    });
    expect(CONFIG_ERROR_MESSAGE).toBe("The server's Microsoft Graph configuration is invalid. An administrator must check the server log.");
    expect(JSON.stringify(result)).not.toContain("internal-only");
    expect(JSON.stringify(result)).not.toContain("GRAPH_BASE_URL");
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toContain(secretish);
    expect(fake.calls).toHaveLength(0);
  });

  it("is not consulted when the caller names the Graph root", () => {
    breakGraphBaseUrl("not a url");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(resolveGraphRoots({ graphRoot: `${TEST_ROOT}/` })).toEqual({ ok: true, data: { root: TEST_ROOT, cloudRoot: null } });
    expect(log).not.toHaveBeenCalled();
  });
});

describe("a request that must not run twice", () => {
  it("is not resent after a 504, and gets no invented wait hint", async () => {
    const fake = fakeFetch(() => graphError(504, "gatewayTimeout", "slow", "r504"));
    const exchange = await sendGraphRequest(
      { ...base, method: "POST" },
      { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep },
    );
    expect(fake.calls).toHaveLength(1);
    expect(exchange.statuses).toEqual([504]);
    expect(exchange.result).toMatchObject({ ok: false, error: { status: 504, requestId: "r504", retryAfterSeconds: null } });
  });
});

describe("buildGraphUrl", () => {
  it("encodes values, keeps $ option names and appends to existing queries", () => {
    expect(buildGraphUrl(TEST_ROOT, "/x", { $filter: "a eq 'b'", $top: 5, skip: undefined })).toBe(`${TEST_ROOT}/beta/x?$filter=a%20eq%20'b'&$top=5`);
    expect(buildGraphUrl(TEST_ROOT, `${TEST_ROOT}/beta/x?$skiptoken=1`, { a: "b" })).toBe(`${TEST_ROOT}/beta/x?$skiptoken=1&a=b`);
    expect(buildGraphUrl(TEST_ROOT, "http://graph.test/beta/x")).toBeNull();
  });

  it("sends a nextLink on the cloud's Graph origin through the configured proxy, and no other origin", () => {
    const proxy = "https://graph-proxy.contoso.example";
    const cloud = "https://graph.microsoft.com";
    expect(buildGraphUrl(proxy, `${cloud}/beta/x?$skiptoken=1`, undefined, cloud)).toBe(`${proxy}/beta/x?$skiptoken=1`);
    expect(buildGraphUrl(proxy, `${proxy}/beta/x?$skiptoken=1`, undefined, cloud)).toBe(`${proxy}/beta/x?$skiptoken=1`);
    expect(buildGraphUrl(proxy, "https://graph.microsoft.us/beta/x", undefined, cloud)).toBeNull();
    expect(buildGraphUrl(proxy, `${cloud}/beta/x`)).toBeNull();
  });

  it("takes the cloud's Graph origin from the configuration when GRAPH_BASE_URL is a proxy", async () => {
    for (const name of ["AZURE_CLOUD", "AZURE_AUTHORITY", "EMULATOR_URL"]) vi.stubEnv(name, "");
    vi.stubEnv("AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555");
    vi.stubEnv("AZURE_TENANT_ID", "66666666-7777-8888-9999-000000000000");
    vi.stubEnv("GRAPH_BASE_URL", "https://graph-proxy.contoso.example");
    const fake = fakeFetch(() => json(200, {}));
    await graphRequest({ ...base, path: "https://graph.microsoft.com/beta/x?$skiptoken=2" }, { fetch: fake.fetch });
    expect(fake.calls.map((c) => c.url.href)).toEqual(["https://graph-proxy.contoso.example/beta/x?$skiptoken=2"]);
    vi.unstubAllEnvs();
  });
});
