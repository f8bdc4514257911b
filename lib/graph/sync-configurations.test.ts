import { describe, expect, it } from "vitest";
import { fakeFetch, json, noSleep, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { CONFIGURATION_FILTER, listSyncConfigurations } from "./sync-configurations";

const sp = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe("the outbound list read", () => {
  it("yields a page of configurations first, then their jobs $batch by $batch, following nextLinks with the filter", async () => {
    const fake = fakeFetch((call) => {
      if (call.url.pathname === "/beta/servicePrincipals") {
        const second = call.url.searchParams.has("$skiptoken");
        if (!second) expect(call.url.searchParams.get("$filter")).toBe(CONFIGURATION_FILTER);
        const ids = second ? [12] : Array.from({ length: 12 }, (_, i) => i);
        const next = second ? {} : { "@odata.nextLink": `${TEST_ROOT}/beta/servicePrincipals?$filter=${encodeURIComponent(CONFIGURATION_FILTER)}&$skiptoken=2` };
        return json(200, { value: ids.map((i) => ({ id: sp(i), displayName: `Config ${i}` })), ...next });
      }
      if (call.url.pathname === "/beta/$batch") {
        const requests = (call.body as { requests: { id: string; url: string }[] }).requests;
        return json(200, {
          responses: requests.map((r) =>
            r.url.endsWith("/jobs")
              ? { id: r.id, status: 200, body: { value: [{ id: "job", schedule: { state: "Active" }, status: { code: "Active" } }] } }
              : r.id === "0-secrets"
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
    expect(data.filter((d) => d?.kind === "configurations").flatMap((d) => d!.items)).toHaveLength(13);
    const jobs = data.filter((d) => d?.kind === "jobs").flatMap((d) => (d!.kind === "jobs" ? d!.items : []));
    expect(jobs).toHaveLength(13);
    expect(jobs.find((j) => j.servicePrincipalId === sp(1))).toMatchObject({ targetTenantId: "9c5d131d-b1c3-4fc4-9e3f-c6557947d551", readError: null, job: { scheduleState: "Active" } });
    expect(jobs.find((j) => j.servicePrincipalId === sp(0))).toMatchObject({ targetTenantId: null, readError: { status: 403 } });
    // 13 configurations: two batches for the first page, one for the second.
    expect(fake.calls.filter((c) => c.url.pathname === "/beta/$batch")).toHaveLength(3);
  });
});
