import { describe, expect, it } from "vitest";
import type { Partner, SyncPolicy } from "@/lib/core/models";
import { makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { applyPartnersFilter, DEFAULT_FILTER, parsePartnersFilter, summarisePartners, toSearchParams } from "./filter";

function policy(tenantId: string, userSyncAllowed: boolean | null, overrides: Partial<SyncPolicy> = {}): SyncPolicy {
  return makeSyncPolicy(tenantId, { userSyncAllowed, ...overrides });
}

function partner(tenantId: string, displayName: string | null, syncPolicy: SyncPolicy | null, overrides: Partial<Partner> = {}): Partner {
  return makePartner(tenantId, { displayName, syncPolicy, ...overrides });
}

const A = "aaaaaaaa-0000-4000-8000-000000000001";
const B = "bbbbbbbb-0000-4000-8000-000000000002";
const C = "cccccccc-0000-4000-8000-000000000003";
const D = "dddddddd-0000-4000-8000-000000000004";

const partners = [
  partner(A, "Fabrikam", policy(A, true)),
  partner(B, null, policy(B, false, { displayName: "Woodgrove sync" }), { isServiceProvider: true }),
  partner(C, "Adatum", null),
  partner(D, null, null),
];

describe("partners filter", () => {
  it("search matches the tenant's name, default domain and tenant id", () => {
    const named = [partner(A, "Fabrikam", null, { defaultDomainName: "fabrikam.onmicrosoft.com" }), partner(B, null, null)];
    const search = (query: string) => applyPartnersFilter([...named], { ...DEFAULT_FILTER, query }).map((p) => p.tenantId);
    expect(search("onmicrosoft")).toEqual([A]);
    expect(search("FABRIKAM")).toEqual([A]);
    expect(search("bbbbbbbb")).toEqual([B]);
    expect(search("contoso")).toEqual([]);
  });

  it("round-trips through the URL and ignores junk", () => {
    const filter = { query: "fab", sync: "blocked" as const, sort: "userSync" as const, direction: "desc" as const };
    expect(parsePartnersFilter(toSearchParams(filter))).toEqual(filter);
    expect(parsePartnersFilter(new URLSearchParams("sync=maybe&sort=evil&dir=sideways"))).toEqual(DEFAULT_FILTER);
    expect(toSearchParams(DEFAULT_FILTER).toString()).toBe("");
  });

  it("searches names, sync policy names and tenant ids", () => {
    const names = (query: string) => applyPartnersFilter(partners, { ...DEFAULT_FILTER, query }).map((p) => p.tenantId);
    expect(names("fabri")).toEqual([A]);
    expect(names("woodgrove")).toEqual([B]);
    expect(names("CCCCCCCC")).toEqual([C]);
    expect(names("nothing-like-this")).toEqual([]);
  });

  it("filters by sync state", () => {
    const ids = (sync: "allowed" | "blocked" | "no-policy") => applyPartnersFilter(partners, { ...DEFAULT_FILTER, sync }).map((p) => p.tenantId);
    expect(ids("allowed")).toEqual([A]);
    expect(ids("blocked")).toEqual([B]);
    expect(ids("no-policy").sort()).toEqual([C, D]);
  });

  it("sorts by name with unnamed partners last, and reverses", () => {
    const asc = applyPartnersFilter(partners, DEFAULT_FILTER).map((p) => p.tenantId);
    expect(asc).toEqual([C, A, B, D]);
    const desc = applyPartnersFilter(partners, { ...DEFAULT_FILTER, direction: "desc" }).map((p) => p.tenantId);
    expect(desc).toEqual([D, B, A, C]);
  });

  it("sorts by sync state and by service provider flag", () => {
    expect(applyPartnersFilter(partners, { ...DEFAULT_FILTER, sort: "userSync" }).map((p) => p.tenantId)).toEqual([A, B, C, D]);
    expect(applyPartnersFilter(partners, { ...DEFAULT_FILTER, sort: "serviceProvider" })[0]?.tenantId).toBe(B);
  });

  it("summarises sync states", () => {
    expect(summarisePartners(partners)).toEqual({ total: 4, allowed: 1, blocked: 1, noPolicy: 2, cannotWork: 1 });
  });

  it("finds partners whose sync cannot work: allowed, with inbound automatic redemption off or inherited", () => {
    const rows = [
      makePartner(A, { syncPolicy: makeSyncPolicy(A, { userSyncAllowed: true }), automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null } }),
      makePartner(B, { syncPolicy: makeSyncPolicy(B, { userSyncAllowed: true }), automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null } }),
      makePartner(C, { syncPolicy: makeSyncPolicy(C, { userSyncAllowed: false }), automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: null } }),
      { ...makePartner(D, { syncPolicy: makeSyncPolicy(D, { userSyncAllowed: true }) }), automaticUserConsentSettings: undefined },
    ];
    expect(applyPartnersFilter(rows, { ...DEFAULT_FILTER, sync: "cannot-work" }).map((p) => p.tenantId)).toEqual([A]);
    expect(summarisePartners(rows).cannotWork).toBe(1);
    expect(parsePartnersFilter(new URLSearchParams("sync=cannot-work")).sync).toBe("cannot-work");
  });
});
