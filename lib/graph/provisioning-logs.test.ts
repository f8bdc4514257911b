import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { partsOf } from "@/tests/streams";
import { buildProvisioningFilter, provisioningPages, toProvisioningEvent, PROVISIONING_PAGE_SIZE } from "./provisioning-logs";

const LITWARE_SP = "51867b8f-6242-4348-8599-c2975b1029d6";
const LOG = `${TEST_ROOT}/beta/auditLogs/provisioning`;
const options = (fetch: typeof globalThis.fetch) => ({ graphRoot: TEST_ROOT, fetch, sleep: noSleep });
const query = { since: "2026-12-01T06:00:00.123Z", servicePrincipalId: LITWARE_SP, status: "failure", action: null } as const;

function wire(id: string) {
  return {
    id,
    activityDateTime: "2026-12-07T06:18:43.127Z",
    provisioningAction: "Create",
    provisioningStatusInfo: {
      status: "failure",
      errorInformation: { errorCode: "InvitationCreationFailureAmbiguousUser", reason: "A proxy address clashes.", recommendedAction: "Remove the clash." },
    },
    servicePrincipal: { id: LITWARE_SP, displayName: "Contoso to Litware" },
    sourceIdentity: { id: "u-megan", displayName: "Megan Bowen", identityType: "User", details: { UserPrincipalName: "megan.bowen@contoso.example" } },
    targetSystem: { id: "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D", displayName: "Azure Active Directory (target tenant)" },
  };
}

describe("buildProvisioningFilter", () => {
  it("filters on the documented properties only, quotes escaped", () => {
    expect(buildProvisioningFilter(query)).toBe(`activityDateTime gt 2026-12-01T06:00:00Z and servicePrincipal/id eq '${LITWARE_SP}' and provisioningStatusInfo/status eq 'failure'`);
    expect(buildProvisioningFilter({ since: "2026-12-01T00:00:00Z", servicePrincipalId: "o'x", status: null, action: "stageddelete" })).toBe(
      "activityDateTime gt 2026-12-01T00:00:00Z and servicePrincipal/id eq 'o''x' and provisioningAction eq 'stageddelete'",
    );
  });
});

describe("toProvisioningEvent", () => {
  it("reads the user, the sign-in name from the identity's details, the code and the target tenant", () => {
    expect(toProvisioningEvent(wire("e1"))).toEqual({
      id: "e1",
      activityDateTime: "2026-12-07T06:18:43.127Z",
      action: "create",
      status: "failure",
      errorCode: "InvitationCreationFailureAmbiguousUser",
      reason: "A proxy address clashes.",
      recommendedAction: "Remove the clash.",
      userId: "u-megan",
      userName: "Megan Bowen",
      userPrincipalName: "megan.bowen@contoso.example",
      servicePrincipalId: LITWARE_SP,
      servicePrincipalName: "Contoso to Litware",
      targetTenantId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    });
  });

  it("survives missing and odd fields", () => {
    expect(toProvisioningEvent({ id: "e2", provisioningAction: "explode", provisioningStatusInfo: null, sourceIdentity: { details: ["x"] as never } })).toMatchObject({
      id: "e2",
      action: null,
      status: null,
      errorCode: "",
      userName: "",
      userPrincipalName: null,
      targetTenantId: null,
    });
  });
});

describe("provisioningPages", () => {
  it("asks for the filtered log newest first, and follows Graph's links up to the pages asked for", async () => {
    const graph = fakeFetch((call) => {
      const token = call.url.searchParams.get("$skiptoken");
      const next = `${LOG}?$filter=x&$top=${PROVISIONING_PAGE_SIZE}&$skiptoken=${Number(token ?? 0) + 1}`;
      return json(200, { value: [wire(`e${token ?? 0}`)], "@odata.nextLink": next });
    });
    const parts = await partsOf(provisioningPages(TEST_TOKEN, { query }, 3, options(graph.fetch)));
    expect(parts.map((part) => part.ok && part.data.events.map((event) => event.id))).toEqual([["e0"], ["e1"], ["e2"]]);
    expect(parts.at(-1)).toMatchObject({ ok: true, data: { nextLink: `${LOG}?$filter=x&$top=${PROVISIONING_PAGE_SIZE}&$skiptoken=3` } });
    expect(graph.calls).toHaveLength(3);
    const first = graph.calls[0]!.url;
    expect(first.pathname).toBe("/beta/auditLogs/provisioning");
    expect(first.searchParams.get("$orderby")).toBe("activityDateTime desc");
    expect(first.searchParams.get("$filter")).toBe(buildProvisioningFilter(query));
  });

  it("stops at a 429 without resending it, and yields it with its Retry-After", async () => {
    const graph = fakeFetch((_call, index) =>
      index === 0 ? json(200, { value: [wire("e0")], "@odata.nextLink": `${LOG}?$skiptoken=1` }) : graphError(429, "TooManyRequests", "Slow down", "r-429", { "Retry-After": "7" }),
    );
    const parts = await partsOf(provisioningPages(TEST_TOKEN, { query }, 5, options(graph.fetch)));
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatchObject({ ok: false, error: { status: 429, retryAfterSeconds: 7, requestId: "r-429" } });
    expect(graph.calls).toHaveLength(2);
  });

  it("refuses a paging link of another list before sending the token with it", async () => {
    const graph = fakeFetch(() => json(200, { value: [] }));
    const parts = await partsOf(provisioningPages(TEST_TOKEN, { nextLink: `${TEST_ROOT}/beta/users?$skiptoken=1` }, 1, options(graph.fetch)));
    expect(parts[0]).toMatchObject({ ok: false });
    expect(graph.calls).toHaveLength(0);
  });

  it("ends after the last page", async () => {
    const graph = fakeFetch(() => json(200, { value: [wire("only")] }));
    const parts = await partsOf(provisioningPages(TEST_TOKEN, { query }, 5, options(graph.fetch)));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ ok: true, data: { nextLink: null } });
  });
});
