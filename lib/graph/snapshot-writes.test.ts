import { describe, expect, it } from "vitest";
import { fakeFetch, json } from "@/tests/fake-fetch";
import { TENANT, TOKEN } from "@/tests/sample-arguments";
import { plannedCalls, type PutBackChange } from "@/lib/snapshots/plan";
import { addPartnerWrite, deletePartnerWrite, restorePartnerWrite } from "./partner-writes";
import { createSyncPolicyWrite, deleteSyncPolicyWrite, restoreSyncPolicyWrite, updateSyncPolicyWrite } from "./sync-policy-writes";
import { putBackPartner } from "./snapshot-writes";

const OPTIONS = { graphRoot: "https://graph.example", maxRetries: 0 } as const;
const keep: PutBackChange = { tenantId: TENANT, partner: "keep", syncPolicy: "keep", policyName: null, userSyncAllowed: null, groupSyncAllowed: null, inboundRedemption: null, outboundRedemption: null };

describe("the dry run names the calls the engine's declarations send", () => {
  it.each([
    [{ ...keep, partner: "restore" as const }, restorePartnerWrite(TENANT)],
    [{ ...keep, partner: "create" as const }, addPartnerWrite(TENANT)],
    [{ ...keep, partner: "delete" as const }, deletePartnerWrite(TENANT)],
    [{ ...keep, syncPolicy: "restore" as const }, restoreSyncPolicyWrite(TENANT, "deleted-items")],
    [{ ...keep, syncPolicy: "create" as const }, createSyncPolicyWrite(TENANT, null, {})],
    [{ ...keep, syncPolicy: "update" as const, userSyncAllowed: true }, updateSyncPolicyWrite(TENANT, { userSyncAllowed: true })],
    [{ ...keep, syncPolicy: "delete" as const }, deleteSyncPolicyWrite(TENANT)],
  ])("%#: same write, method and path", (change, declared) => {
    expect(plannedCalls(change).map(({ write, method, path }) => ({ write, method, path }))).toEqual([{ write: declared.write, method: declared.method, path: declared.path }]);
  });
});

describe("putBackPartner", () => {
  it("restores the partner, then its policy, reading first", async () => {
    let partnerLive = false;
    const graph = fakeFetch((call) => {
      const path = call.url.pathname;
      if (call.method === "GET" && path.endsWith(`/partners/${TENANT}`)) return partnerLive ? json(200, { tenantId: TENANT }) : json(404, { error: { code: "NotFound", message: "no" } });
      if (call.method === "GET" && path.endsWith("/identitySynchronization")) return json(404, { error: { code: "NotFound", message: "no" } });
      if (call.method === "POST" && path.endsWith(`/crossTenantPartners/${TENANT}/restore`)) {
        partnerLive = true;
        return json(200, { tenantId: TENANT });
      }
      if (call.method === "POST" && path.endsWith(`/crossTenantSyncPolicyPartners/${TENANT}/restore`)) return json(200, { tenantId: TENANT, userSyncInbound: { isSyncAllowed: true } });
      return undefined;
    });
    const outcome = await putBackPartner(TOKEN, { ...keep, partner: "restore", syncPolicy: "restore" }, { ...OPTIONS, fetch: graph.fetch });
    expect(outcome).toMatchObject({ write: "restore-sync-policy", kind: "done" });
    expect(graph.calls.filter((call) => call.method === "POST")).toHaveLength(2);
  });

  it("sends nothing for a row whose effect is already there (run a second time)", async () => {
    const graph = fakeFetch((call) => (call.method === "GET" ? json(200, { tenantId: TENANT, displayName: "Fabrikam" }) : undefined));
    const outcome = await putBackPartner(TOKEN, { ...keep, partner: "restore", syncPolicy: "create", policyName: "Fabrikam" }, { ...OPTIONS, fetch: graph.fetch });
    expect(outcome).toMatchObject({ kind: "already-done", attempts: 0 });
    expect(graph.calls.every((call) => call.method === "GET")).toBe(true);
  });

  it("stops at the first step Graph refuses and says which", async () => {
    const graph = fakeFetch((call) => {
      if (call.method === "GET") return json(404, { error: { code: "NotFound", message: "no" } });
      if (call.method === "POST") return json(404, { error: { code: "NotFound", message: "no" } });
      return undefined;
    });
    const outcome = await putBackPartner(TOKEN, { ...keep, partner: "restore", syncPolicy: "restore" }, { ...OPTIONS, fetch: graph.fetch });
    expect(outcome).toMatchObject({ write: "restore-partner", kind: "not-found" });
    expect(graph.calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });
});
