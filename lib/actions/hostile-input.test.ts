import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, json, type FakeFetch } from "@/tests/fake-fetch";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { getPartnerDetail, getPartnersView } from "./partners";
import { listDeletedSyncPolicies, restoreSyncPolicies, restoreSyncPolicy } from "./deleted-sync-policies";

/**
 * Every server action is a public POST endpoint: anyone can call it with any
 * arguments. Each hostile call must come back as a typed InvalidArgument result
 * that quotes nothing it was sent, before a single request reaches Graph.
 */

type Action = (...args: never[]) => Promise<unknown>;

const ONE_MB_TOKEN = `${"a".repeat(512 * 1024)}.${"b".repeat(512 * 1024)}.c`;
const TRAVERSAL_IDS = [
  "../../../policies/crossTenantAccessPolicy/default",
  `${TENANT}/../../deletedItems`,
  `${TENANT}%2F..%2F..%2Fdefault`,
  `..%2F${TENANT}`,
  `${TENANT}%2F`,
  `${TENANT}/restore`,
  `${TENANT}?$select=*`,
  `${TENANT}#fragment`,
  "x'),partners(",
  `${TENANT}'),partners('x`,
  "tenantId eq 'x' or 1 eq 1",
  // Look-alike digits: Arabic-Indic, full-width, Devanagari, mathematical bold.
  "٩c5d131d-b1c3-4fc4-9e3f-c6557947d551",
  "９c5d131d-b1c3-4fc4-9e3f-c6557947d551",
  "९c5d131d-b1c3-4fc4-9e3f-c6557947d551",
  "𝟗c5d131d-b1c3-4fc4-9e3f-c6557947d551",
  `${TENANT}\u0000`,
  `${TENANT.slice(0, -1)}\u200b1`,
  `{${TENANT}}`,
];
const BAD_TOKENS: unknown[] = [
  ONE_MB_TOKEN,
  "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl\r\nX-Injected: yes",
  "x'),partners(",
  "../../etc/passwd",
  "",
  "   ",
  null,
  undefined,
  42,
  true,
  { token: TOKEN },
  [TOKEN],
  JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown,
];
const WRONG_TYPES: unknown[] = [null, undefined, 0, -1, NaN, Infinity, 12n, true, {}, [], new Date(0), new Map([["a", TENANT]]), new Set([TENANT]), new Uint8Array(16)];
const PROTO_OBJECTS: unknown[] = [
  JSON.parse(`{"__proto__": {"polluted": "yes"}, "tenantId": "${TENANT}"}`) as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  Object.create(null) as unknown,
];
const TEN_THOUSAND_GUIDS = Array.from({ length: 10_000 }, () => TENANT);
const TEN_THOUSAND_JUNK = Array.from({ length: 10_000 }, (_, index) => `x'),partners(${index}`);

interface Case {
  name: string;
  args: unknown[];
}

const caseList = (name: string, values: readonly unknown[], at: (value: unknown) => unknown[]): Case[] =>
  values.map((value, index) => ({ name: `${name} #${index}`, args: at(value) }));

/** What each action is sent: the same hostile families, placed in every argument position it has. */
const TABLE: { action: string; call: Action; valid: unknown[]; cases: Case[] }[] = [
  {
    action: "getPartnersView",
    call: getPartnersView,
    valid: [TOKEN],
    cases: [
      ...caseList("bad token", BAD_TOKENS, (token) => [token]),
      ...caseList("wrong type", WRONG_TYPES, (token) => [token]),
      ...caseList("__proto__ object", PROTO_OBJECTS, (token) => [token]),
      { name: "no arguments", args: [] },
      { name: "an extra argument", args: [TOKEN, TENANT] },
      { name: "an extra object argument", args: [TOKEN, { $filter: "x'),partners(" }] },
      { name: "10,000 arguments", args: TEN_THOUSAND_GUIDS },
      { name: "a 10,000-element array as token", args: [TEN_THOUSAND_GUIDS] },
    ],
  },
  {
    action: "listDeletedSyncPolicies",
    call: listDeletedSyncPolicies,
    valid: [TOKEN],
    cases: [
      ...caseList("bad token", BAD_TOKENS, (token) => [token]),
      ...caseList("wrong type", WRONG_TYPES, (token) => [token]),
      ...caseList("__proto__ object", PROTO_OBJECTS, (token) => [token]),
      { name: "no arguments", args: [] },
      { name: "an extra argument", args: [TOKEN, "partner"] },
      { name: "10,000 arguments", args: TEN_THOUSAND_GUIDS },
      { name: "a 10,000-element array as token", args: [TEN_THOUSAND_JUNK] },
    ],
  },
  {
    action: "getPartnerDetail",
    call: getPartnerDetail,
    valid: [TOKEN, TENANT],
    cases: [
      ...caseList("hostile tenant id", TRAVERSAL_IDS, (id) => [TOKEN, id]),
      ...caseList("bad token", BAD_TOKENS, (token) => [token, TENANT]),
      ...caseList("wrong type", WRONG_TYPES, (id) => [TOKEN, id]),
      ...caseList("__proto__ object", PROTO_OBJECTS, (id) => [TOKEN, id]),
      { name: "no arguments", args: [] },
      { name: "token only", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, TENANT, "deleted-items"] },
      { name: "a 10,000-element array as tenant id", args: [TOKEN, TEN_THOUSAND_GUIDS] },
    ],
  },
  {
    action: "restoreSyncPolicy",
    call: restoreSyncPolicy,
    valid: [TOKEN, TENANT, "deleted-items"],
    cases: [
      ...caseList("hostile tenant id", TRAVERSAL_IDS, (id) => [TOKEN, id, "deleted-items"]),
      ...caseList("bad token", BAD_TOKENS, (token) => [token, TENANT, "partner"]),
      ...caseList("wrong type", WRONG_TYPES, (id) => [TOKEN, id, "partner"]),
      ...caseList("__proto__ object", PROTO_OBJECTS, (route) => [TOKEN, TENANT, route]),
      ...caseList("hostile route", ["deleted-items/../partner", "PARTNER", "partners", "partner%2F", "__proto__", "constructor", "x'),partners("], (route) => [
        TOKEN,
        TENANT,
        route,
      ]),
      { name: "no arguments", args: [] },
      { name: "no route", args: [TOKEN, TENANT] },
      { name: "an extra argument", args: [TOKEN, TENANT, "partner", { force: true }] },
      { name: "a 10,000-element array as tenant id", args: [TOKEN, TEN_THOUSAND_GUIDS, "partner"] },
    ],
  },
  {
    action: "restoreSyncPolicies",
    call: restoreSyncPolicies,
    valid: [TOKEN, [TENANT]],
    cases: [
      ...caseList("hostile tenant id in the list", TRAVERSAL_IDS, (id) => [TOKEN, [TENANT, id]]),
      ...caseList("bad token", BAD_TOKENS, (token) => [token, [TENANT]]),
      ...caseList("wrong type as list", WRONG_TYPES.filter((value) => !Array.isArray(value)), (ids) => [TOKEN, ids]),
      ...caseList("wrong type in the list", WRONG_TYPES, (id) => [TOKEN, [id]]),
      ...caseList("__proto__ object", PROTO_OBJECTS, (ids) => [TOKEN, ids]),
      { name: "a 10,000-element list of valid ids", args: [TOKEN, TEN_THOUSAND_GUIDS] },
      { name: "a 10,000-element list of injections", args: [TOKEN, TEN_THOUSAND_JUNK] },
      { name: "a string instead of a list", args: [TOKEN, TENANT] },
      { name: "no arguments", args: [] },
      { name: "no list", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, [TENANT], "partner"] },
    ],
  },
];

/** Every string the caller sent, however deep, that is long enough to be recognised if echoed. */
function sentStrings(value: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (typeof value === "string" && value.trim().length >= 3) into.add(value.length > 200 ? value.slice(0, 200) : value);
  else if (value && typeof value === "object" && depth < 3) {
    const items = value instanceof Map || value instanceof Set ? [...value.values()] : Array.isArray(value) ? value.slice(0, 20) : Object.values(value);
    for (const item of items) sentStrings(item, into, depth + 1);
  }
  return into;
}

let graph: FakeFetch;

beforeEach(() => {
  pinEmulatorEnv();
  graph = fakeFetch((call) => (call.url.pathname.endsWith("/restore") ? json(200, { tenantId: TENANT }) : json(200, { value: [] })));
  vi.stubGlobal("fetch", graph.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe.each(TABLE)("$action against hostile callers", ({ call, valid, cases }) => {
  it(`holds at least 30 hostile inputs`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("$name: InvalidArgument, nothing echoed, no Graph request", async ({ args }) => {
    const result = await call(...(args as never[]));
    expect(result).toEqual({
      ok: false,
      error: { status: 400, code: "InvalidArgument", message: expect.any(String), requestId: null, retryAfterSeconds: null },
    });
    const message = (result as { error: { message: string } }).error.message;
    expect(message.length).toBeLessThan(200);
    for (const sent of sentStrings(args)) expect(message).not.toContain(sent);
    expect(graph.calls).toHaveLength(0);
  });

  it("still reaches Graph with valid arguments, so the request count above means something", async () => {
    await call(...(valid as never[]));
    expect(graph.calls.length).toBeGreaterThan(0);
  });
});
