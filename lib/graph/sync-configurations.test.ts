import { describe, expect, it } from "vitest";
import { batchHandler, fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { CONFIGURATION_FILTER, getSyncConfiguration, getSyncConfigurationSummary, listSyncConfigurations } from "./sync-configurations";

const sp = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe("the outbound list read", () => {
  it("yields a page of configurations first, then their jobs and then their targets $batch by $batch, following nextLinks with the filter", async () => {
    const fake = fakeFetch((call) => {
      if (call.url.pathname === "/beta/servicePrincipals") {
        const second = call.url.searchParams.has("$skiptoken");
        if (!second) expect(call.url.searchParams.get("$filter")).toBe(CONFIGURATION_FILTER);
        const ids = second ? [22] : Array.from({ length: 22 }, (_, i) => i);
        const next = second ? {} : { "@odata.nextLink": `${TEST_ROOT}/beta/servicePrincipals?$filter=${encodeURIComponent(CONFIGURATION_FILTER)}&$skiptoken=2` };
        return json(200, { value: ids.map((i) => ({ id: sp(i), displayName: `Config ${i}` })), ...next });
      }
      if (call.url.pathname === "/beta/$batch") {
        const requests = (call.body as { requests: { id: string; url: string }[] }).requests;
        return json(200, {
          responses: requests.map((r) =>
            r.url.endsWith("/jobs")
              ? { id: r.id, status: 200, body: { value: [{ id: "job", schedule: { state: "Active" }, status: { code: "Active" } }] } }
              : r.url.includes(sp(0))
                ? { id: r.id, status: 403, body: { error: { code: "Authorization_RequestDenied", message: "no" } } }
                : { id: r.id, status: 200, body: { value: [{ key: "CompanyId", value: "9C5D131D-B1C3-4FC4-9E3F-C6557947D551" }, { key: "SecretToken", value: "*" }] } },
          ),
        });
      }
      return undefined;
    });
    const parts = [];
    for await (const part of listSyncConfigurations(TEST_TOKEN, { graphRoot: TEST_ROOT, fetch: fake.fetch, sleep: noSleep })) parts.push(part);
    expect(parts.every((p) => p.ok)).toBe(true);
    const data = parts.map((p) => (p.ok ? p.data : null));
    expect(data[0]).toMatchObject({ kind: "configurations" });
    expect(data.filter((d) => d?.kind === "configurations").flatMap((d) => d!.items)).toHaveLength(23);
    const jobs = data.flatMap((d) => (d?.kind === "jobs" ? d.items : []));
    const targets = data.flatMap((d) => (d?.kind === "targets" ? d.items : []));
    expect(jobs).toHaveLength(23);
    expect(targets).toHaveLength(23);
    expect(jobs.find((j) => j.servicePrincipalId === sp(1))).toMatchObject({ readError: null, job: { scheduleState: "Active" } });
    expect(targets.find((t) => t.servicePrincipalId === sp(1))).toEqual({ servicePrincipalId: sp(1), targetTenantId: "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", readError: null });
    // A refused secrets read leaves the status readable and says why the target is missing.
    expect(jobs.find((j) => j.servicePrincipalId === sp(0))).toMatchObject({ readError: null, job: { scheduleState: "Active" } });
    expect(targets.find((t) => t.servicePrincipalId === sp(0))).toMatchObject({ targetTenantId: null, readError: { status: 403 } });
    // 23 configurations, 20 a $batch: jobs then secrets, two each for the first page, one each for the second.
    const batches = fake.calls.filter((c) => c.url.pathname === "/beta/$batch").map((c) => (c.body as { requests: { url: string }[] }).requests);
    expect(batches.map((requests) => requests.length)).toEqual([20, 2, 20, 2, 1, 1]);
    expect(batches.map((requests) => (requests.every((r) => r.url.endsWith("/jobs")) ? "jobs" : requests.every((r) => r.url.endsWith("/secrets")) ? "secrets" : "mixed"))).toEqual(["jobs", "jobs", "secrets", "secrets", "jobs", "secrets"]);
    // Within a page, every status is asked for before any target.
    const firstTarget = data.findIndex((d) => d?.kind === "targets");
    expect(data.slice(firstTarget).some((d) => d?.kind === "jobs" && d.items.some((j) => Number(j.servicePrincipalId.slice(-12)) < 22))).toBe(false);
  });
});

const LITWARE_SP = "51867b8f-6242-4348-8599-c2975b1029d6";
const options = (fetch: typeof globalThis.fetch) => ({ graphRoot: TEST_ROOT, fetch, sleep: noSleep });
const SYNC_TEMPLATE = "518E5F48-1FC8-4C48-9387-9FDF28B0DFE7";
const litware = { id: LITWARE_SP, displayName: "Contoso to Litware", applicationTemplateId: SYNC_TEMPLATE };

/** The configuration's service principal answered alone (GET) and as the $batch item "sp", the same way. */
function servicePrincipalAnswers(answer: { status: number; body: unknown }) {
  const alone = fakeFetch((call) => (call.method === "GET" && call.url.pathname === `/beta/servicePrincipals/${LITWARE_SP}` ? json(answer.status, answer.body) : undefined));
  const batched = fakeFetch(batchHandler((item) => (item.id === "sp" ? answer : { status: 200, body: { value: [] } })));
  return { alone, batched };
}

describe("a configuration's service principal, read alone or with its job", () => {
  it("is one request: the same path and $select alone as inside the configuration's $batch", async () => {
    const { alone, batched } = servicePrincipalAnswers({ status: 200, body: litware });
    await getSyncConfigurationSummary(TEST_TOKEN, LITWARE_SP, options(alone.fetch));
    await getSyncConfiguration(TEST_TOKEN, LITWARE_SP, options(batched.fetch));
    const sent = alone.calls[0]!.url;
    const item = (batched.calls[0]!.body as { requests: { id: string; url: string }[] }).requests.find((r) => r.id === "sp")!;
    const inBatch = new URL(`${TEST_ROOT}/beta${item.url}`);
    expect(sent.pathname).toBe(`/beta/servicePrincipals/${LITWARE_SP}`);
    expect(inBatch.pathname).toBe(`/beta/servicePrincipals/${LITWARE_SP}`);
    expect(sent.searchParams.get("$select")).toBe("id,displayName,applicationTemplateId");
    expect(inBatch.searchParams.get("$select")).toBe("id,displayName,applicationTemplateId");
  });

  it("reads the name and whether it is a cross-tenant sync configuration", async () => {
    const { alone, batched } = servicePrincipalAnswers({ status: 200, body: litware });
    expect(await getSyncConfigurationSummary(TEST_TOKEN, LITWARE_SP, options(alone.fetch))).toEqual({
      ok: true,
      data: { id: LITWARE_SP, displayName: "Contoso to Litware", isCrossTenantSync: true },
    });
    expect(await getSyncConfiguration(TEST_TOKEN, LITWARE_SP, options(batched.fetch))).toMatchObject({
      ok: true,
      data: { configuration: { servicePrincipalId: LITWARE_SP, displayName: "Contoso to Litware" } },
    });
  });

  it("names an unnamed configuration, and tells another kind of service principal apart", async () => {
    const other = { id: LITWARE_SP, displayName: " ", applicationTemplateId: "8adf8e6e-67b2-4cf2-a259-e3dc5476c621" };
    const { alone, batched } = servicePrincipalAnswers({ status: 200, body: other });
    expect(await getSyncConfigurationSummary(TEST_TOKEN, LITWARE_SP, options(alone.fetch))).toEqual({
      ok: true,
      data: { id: LITWARE_SP, displayName: "Unnamed configuration", isCrossTenantSync: false },
    });
    expect(await getSyncConfiguration(TEST_TOKEN, LITWARE_SP, options(batched.fetch))).toMatchObject({ ok: true, data: { configuration: null, job: null } });
  });

  it("answers none for an unknown id", async () => {
    const { alone, batched } = servicePrincipalAnswers({ status: 404, body: { error: { code: "Request_ResourceNotFound", message: "Not found" } } });
    expect(await getSyncConfigurationSummary(TEST_TOKEN, LITWARE_SP, options(alone.fetch))).toEqual({ ok: true, data: null });
    expect(await getSyncConfiguration(TEST_TOKEN, LITWARE_SP, options(batched.fetch))).toMatchObject({ ok: true, data: { configuration: null } });
  });

  it("says a refused read as Graph refused it, with its request id", async () => {
    const refused = { error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", innerError: { "request-id": "r-403" } } };
    const alone = fakeFetch(() => graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "r-403"));
    const batched = fakeFetch(batchHandler((item) => (item.id === "sp" ? { status: 403, body: refused } : { status: 200, body: { value: [] } })));
    const summary = await getSyncConfigurationSummary(TEST_TOKEN, LITWARE_SP, options(alone.fetch));
    const detail = await getSyncConfiguration(TEST_TOKEN, LITWARE_SP, options(batched.fetch));
    for (const result of [summary, detail]) {
      expect(result).toMatchObject({ ok: false, error: { status: 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.", requestId: "r-403" } });
    }
  });
});
