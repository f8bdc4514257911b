import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEntries } from "./audit";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";

const urls: URL[] = [];

beforeEach(() => {
  urls.length = 0;
  pinEmulatorEnv();
  vi.stubGlobal("fetch", async (input: string) => {
    urls.push(new URL(input));
    const entry = (id: string, activity: string) => ({ id, category: "CrossTenantIdentitySyncSettings", activityDisplayName: activity, targetResources: [{ id: TENANT }] });
    return new Response(
      JSON.stringify({ value: [entry("r", "Restore a partner cross-tenant identity sync setting"), entry("d", "Delete a partner cross-tenant identity sync setting")] }),
      { status: 200, headers: { "content-type": "application/json" } },
    );
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("listAuditEntries", () => {
  it("turns a kind with a documented name into an exact activity filter", async () => {
    const page = await listAuditEntries(TOKEN, { query: { since: "2026-11-01T00:00:00Z", partnerTenantId: TENANT.toUpperCase(), kind: "sync-deleted" } });
    expect(page.ok && page.data.entries.map((entry) => entry.id)).toEqual(["d"]);
    const filter = urls[0]!.searchParams.get("$filter");
    expect(filter).toContain("activityDisplayName eq 'Delete a partner cross-tenant identity sync setting'");
    expect(filter).toContain(`t/id eq '${TENANT}'`);
    expect(urls[0]!.origin).toBe("http://localhost:4010");
  });

  it("filters undocumented restore names by their leading word", async () => {
    await listAuditEntries(TOKEN, { query: { since: "2026-11-01T00:00:00Z", kind: "sync-restored" } });
    expect(urls[0]!.searchParams.get("$filter")).toContain("startswith(activityDisplayName, 'Restore')");
  });

  it("narrows every page to the kind asked for", async () => {
    const page = await listAuditEntries(TOKEN, { nextLink: "http://localhost:4010/beta/auditLogs/directoryAudits?$skiptoken=2", kind: "sync-restored" });
    expect(page.ok && page.data.entries.map((entry) => entry.id)).toEqual(["r"]);
  });

  it("refuses bad input before calling Graph", async () => {
    for (const cursor of [
      { query: { since: "yesterday" } },
      { query: { since: "2026-11-01T00:00:00Z", initiatedByUpn: "x' or 1 eq 1" } },
      { query: { since: "2026-11-01T00:00:00Z", kind: "everything" } },
      { query: { since: "2026-11-01T00:00:00Z", partnerTenantId: "fabrikam" } },
      { nextLink: "javascript:alert(1)" },
    ]) {
      expect(await listAuditEntries(TOKEN, cursor as never)).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    }
    expect(urls).toHaveLength(0);
  });
});
