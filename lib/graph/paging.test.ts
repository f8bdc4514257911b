import { describe, expect, it } from "vitest";
import { fakeFetch, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { ok, type Result } from "@/lib/core/result";
import type { GraphOptions } from "./client";
import { graphListPage, graphPages, isPageLinkOf, type ListPageRequest } from "./paging";

/** Every item of every page, or the failure that ended the read. */
async function readAll<T>(request: ListPageRequest, options: GraphOptions): Promise<Result<T[]>> {
  const items: T[] = [];
  for await (const page of graphPages<T, T>(request, (wire) => wire, options)) {
    if (!page.ok) return page;
    items.push(...page.data);
  }
  return ok(items);
}

describe("graphPages", () => {
  it("follows every same-origin nextLink", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(call.url.searchParams.get("$skiptoken") ?? "0");
      const next = page < 2 ? `${TEST_ROOT}/beta/items?$skiptoken=${page + 1}` : undefined;
      return json(200, { value: [page * 10, page * 10 + 1], "@odata.nextLink": next });
    });
    const result = await readAll<number>({ token: TEST_TOKEN, path: "/items", query: { $top: 2 } }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toEqual({ ok: true, data: [0, 1, 10, 11, 20, 21] });
    expect(fake.calls.map((c) => c.url.search)).toEqual(["?$top=2", "?$skiptoken=1", "?$skiptoken=2"]);
  });

  it("never follows a nextLink to another origin, so the token stays home", async () => {
    const fake = fakeFetch((call) =>
      call.url.origin === TEST_ROOT ? json(200, { value: [1], "@odata.nextLink": "https://graph.test.evil.example/beta/items?$skiptoken=1" }) : json(200, { value: [2] }),
    );
    const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    expect(fake.calls).toHaveLength(1);
  });

  it("stops on a nextLink that repeats", async () => {
    const fake = fakeFetch(() => json(200, { value: [1], "@odata.nextLink": `${TEST_ROOT}/beta/items?$skiptoken=same` }));
    const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    expect(fake.calls).toHaveLength(2);
  });

  it("stops when nextLinks go round in a circle", async () => {
    const fake = fakeFetch((call) => json(200, { value: [1], "@odata.nextLink": `${TEST_ROOT}/beta/items?$skiptoken=${call.url.searchParams.get("$skiptoken") === "a" ? "b" : "a"}` }));
    const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: false, error: { code: "PagingLoop" } });
    expect(fake.calls).toHaveLength(3);
  });

  it("hands each page over as Graph answers it, before asking for the next", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(call.url.searchParams.get("$skiptoken") ?? "0");
      return json(200, { value: [page], "@odata.nextLink": page < 2 ? `${TEST_ROOT}/beta/items?$skiptoken=${page + 1}` : undefined });
    });
    const seenWhenHandedOver: number[] = [];
    for await (const page of graphPages<number, number>({ token: TEST_TOKEN, path: "/items" }, (wire) => wire, { graphRoot: TEST_ROOT, fetch: fake.fetch })) {
      expect(page.ok).toBe(true);
      seenWhenHandedOver.push(fake.calls.length);
    }
    expect(seenWhenHandedOver).toEqual([1, 2, 3]);
  });

  it("returns the first failing page's error", async () => {
    const fake = fakeFetch(() => json(403, { error: { code: "Authorization_RequestDenied", message: "no" } }));
    const result = await readAll({ token: TEST_TOKEN, path: "/items" }, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: false, error: { status: 403, code: "Authorization_RequestDenied" } });
  });

  describe("behind a proxy in GRAPH_BASE_URL", () => {
    const PROXY = "https://graph-proxy.contoso.example/graph";
    const CLOUD = "https://graph.microsoft.com";

    it("follows Graph's nextLinks on the cloud's origin through the proxy", async () => {
      const fake = fakeFetch((call) => {
        const page = Number(call.url.searchParams.get("$skiptoken") ?? "0");
        const next = page < 2 ? `${CLOUD}/beta/items?$skiptoken=${page + 1}` : undefined;
        return json(200, { value: [page], "@odata.nextLink": next });
      });
      const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: PROXY, cloudGraphRoot: CLOUD, fetch: fake.fetch });
      expect(result).toEqual({ ok: true, data: [0, 1, 2] });
      expect(fake.calls.map((c) => c.url.href)).toEqual([
        `${PROXY}/beta/items`,
        `${PROXY}/beta/items?$skiptoken=1`,
        `${PROXY}/beta/items?$skiptoken=2`,
      ]);
      expect(fake.calls.every((c) => c.headers.get("authorization") === `Bearer ${TEST_TOKEN}`)).toBe(true);
    });

    it("follows nextLinks the proxy rewrote onto its own origin", async () => {
      const fake = fakeFetch((call) =>
        call.url.searchParams.has("$skiptoken") ? json(200, { value: [2] }) : json(200, { value: [1], "@odata.nextLink": `${PROXY}/beta/items?$skiptoken=1` }),
      );
      const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: PROXY, cloudGraphRoot: CLOUD, fetch: fake.fetch });
      expect(result).toEqual({ ok: true, data: [1, 2] });
      expect(fake.calls[1]?.url.href).toBe(`${PROXY}/beta/items?$skiptoken=1`);
    });

    it.each([
      "https://graph.microsoft.com.evil.example/beta/items?$skiptoken=1",
      "http://graph.microsoft.com/beta/items?$skiptoken=1",
      "https://graph.microsoft.us/beta/items?$skiptoken=1",
      "https://evil.example/beta/items?$skiptoken=1",
    ])("still refuses any other origin (%s) without sending the token", async (next) => {
      const fake = fakeFetch(() => json(200, { value: [1], "@odata.nextLink": next }));
      const result = await readAll<number>({ token: TEST_TOKEN, path: "/items" }, { graphRoot: PROXY, cloudGraphRoot: CLOUD, fetch: fake.fetch });
      expect(result).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
      expect(fake.calls).toHaveLength(1);
    });
  });
});

describe("graphListPage", () => {
  const LIST = `${TEST_ROOT}/beta/items`;
  const options = (fetch: typeof globalThis.fetch) => ({ graphRoot: TEST_ROOT, fetch });

  it("reads one page only, the first with the list's query, and hands back Graph's nextLink", async () => {
    const fake = fakeFetch(() => json(200, { value: [1, 2], "@odata.nextLink": `${LIST}?$top=2&$skiptoken=1` }));
    const result = await graphListPage<number>({ token: TEST_TOKEN, path: "/items", query: { $top: 2 } }, null, options(fake.fetch));
    expect(result).toEqual({ ok: true, data: { items: [1, 2], nextLink: `${LIST}?$top=2&$skiptoken=1` } });
    expect(fake.calls.map((c) => c.url.href)).toEqual([`${LIST}?$top=2`]);
  });

  it("follows the given nextLink as is and says when the list ends", async () => {
    const fake = fakeFetch(() => json(200, { value: [3] }));
    const result = await graphListPage<number>({ token: TEST_TOKEN, path: "/items", query: { $top: 2 } }, `${LIST}?$skiptoken=1`, options(fake.fetch));
    expect(result).toEqual({ ok: true, data: { items: [3], nextLink: null } });
    expect(fake.calls.map((c) => c.url.href)).toEqual([`${LIST}?$skiptoken=1`]);
  });

  it("sends no token to a link that is not a page of the same list", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }));
    for (const link of [`${TEST_ROOT}/beta/other?$skiptoken=1`, `${LIST}/x?$skiptoken=1`, "https://evil.example/beta/items?$skiptoken=1", `${LIST}?$filter=x`]) {
      expect(await graphListPage({ token: TEST_TOKEN, path: "/items" }, link, options(fake.fetch))).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("refuses a nextLink from Graph that leaves the list or repeats the one just read", async () => {
    const elsewhere = fakeFetch(() => json(200, { value: [1], "@odata.nextLink": `${TEST_ROOT}/beta/other?$skiptoken=1` }));
    expect(await graphListPage({ token: TEST_TOKEN, path: "/items" }, null, options(elsewhere.fetch))).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    const same = fakeFetch(() => json(200, { value: [1], "@odata.nextLink": `${LIST}?$skiptoken=1` }));
    expect(await graphListPage({ token: TEST_TOKEN, path: "/items" }, `${LIST}?$skiptoken=1`, options(same.fetch))).toMatchObject({ ok: false });
  });

  it("passes a failing page's error through", async () => {
    const fake = fakeFetch(() => json(403, { error: { code: "Authorization_RequestDenied", message: "no" } }));
    expect(await graphListPage({ token: TEST_TOKEN, path: "/items" }, null, options(fake.fetch))).toMatchObject({ ok: false, error: { status: 403 } });
  });
});

describe("isPageLinkOf", () => {
  const CLOUD = "https://graph.microsoft.com";
  it.each([
    [`${TEST_ROOT}/beta/items?$skiptoken=1`, true],
    [`${TEST_ROOT}/BETA/Items?$skipToken=1&$top=5`, true],
    [`${CLOUD}/beta/items?$skiptoken=1`, true],
    [`${TEST_ROOT}/v1.0/items?$skiptoken=1`, false],
    [`${TEST_ROOT}/beta/items/1?$skiptoken=1`, false],
    [`${TEST_ROOT}/beta/items?$skiptoken=1&$filter=x`, false],
    [`${TEST_ROOT}/beta/items?$skiptoken=1#x`, false],
    [`${TEST_ROOT.replace("://", "://u:p@")}/beta/items`, false],
    ["https://graph.microsoft.com.evil.example/beta/items", false],
    ["/beta/items?$skiptoken=1", false],
  ])("%s → %s", (link, expected) => {
    expect(isPageLinkOf("/items", link, { graphRoot: TEST_ROOT, cloudGraphRoot: CLOUD })).toBe(expected);
  });
});

describe("isPageLinkOf with a list's own query options", () => {
  const PROXY = "https://graph-proxy.contoso.example/graph";
  const CLOUD = "https://graph.microsoft.com";
  const ORDERED = new Set(["$filter", "$orderby", "$top", "$skiptoken"]);
  it.each([
    [`${CLOUD}/beta/items?$filter=a&$orderby=b&$top=5&$skiptoken=1`, true],
    [`${PROXY}/beta/items?$filter=a&$skipToken=1`, true],
    [`${CLOUD}/beta/items?$filter=a&$select=id`, false],
    [`${CLOUD}/beta/other?$skiptoken=1`, false],
    ["https://graph-proxy.contoso.example/beta/items?$skiptoken=1", false],
  ])("%s → %s behind a proxy", (link, expected) => {
    expect(isPageLinkOf("/items", link, { graphRoot: PROXY, cloudGraphRoot: CLOUD }, ORDERED)).toBe(expected);
  });

  it("keeps the paging options only when none are named", () => {
    expect(isPageLinkOf("/items", `${CLOUD}/beta/items?$filter=a&$skiptoken=1`, { graphRoot: PROXY, cloudGraphRoot: CLOUD })).toBe(false);
  });
});
