import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, json, type FakeFetch } from "@/tests/fake-fetch";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import {
  ACTION_ARGUMENTS,
  FINGERPRINT,
  hostileValues,
  JOB,
  LITWARE_SP,
  ONE_MB,
  PROVISIONING_NEXT_LINK,
  PUT_BACK_ROW,
  SERVICE_PRINCIPAL,
  SINCE,
  type ActionArguments,
  type ActionName,
  type StringField,
} from "@/tests/hostile-arguments";
import { getPartnerDetail, listDeletedPartners, listPartners } from "./partners";
import { listDeletedSyncPolicies, restoreSyncPolicies, restoreSyncPolicy } from "./deleted-sync-policies";
import { addPartner, deletePartner, purgePartners, restorePartners, setInboundRedemption, setOutboundRedemption } from "./partner-writes";
import { deleteSyncPolicy, purgeSyncPolicies, setUpSync, updateSyncPolicy } from "./sync-policy-writes";
import { findTenantByDomain, findTenantInformation, getDefaultPolicy } from "./tenant-information";
import { listAuditEntries } from "./audit";
import { getSyncConfigurationName, listProvisioningEvents } from "./provisioning-logs";
import { getSyncConfiguration, listSyncConfigurations, searchUsers } from "./sync-configurations";
import { pauseSyncJob, provisionOnDemand, restartSyncJob, startSyncJob, testSyncConnection } from "./sync-job-writes";
import { getAccessPolicyRoot, listPartnerConfigurations, putBackSnapshotRows } from "./snapshots";
import { ARGUMENT_LIMITS } from "./validate";

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
const PARTNERS_LIST = "http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners";
/** Paging links a caller might send along: a list takes none, Graph's nextLinks never leave the server. */
const HOSTILE_PAGE_LINKS: unknown[] = [
  "",
  "   ",
  "partners?$skiptoken=1",
  "/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
  "../../users",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "data:text/plain,partners",
  "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
  "https://graph.microsoft.com.attacker.example/beta/policies/crossTenantAccessPolicy/partners",
  "http://localhost:4011/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
  "http://localhost:4010/beta/me",
  "http://localhost:4010/beta/users?$skiptoken=1",
  "http://localhost:4010/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1",
  `${PARTNERS_LIST}/${TENANT}?$skiptoken=1`,
  `${PARTNERS_LIST}/../../../users?$skiptoken=1`,
  `${PARTNERS_LIST}?$skiptoken=1&$filter=true`,
  `${PARTNERS_LIST}?$skiptoken=1&api-version=1`,
  `${PARTNERS_LIST}?$skiptoken=1#fragment`,
  PARTNERS_LIST.replace("://", "://user:pw@"),
  `https://graph.microsoft.com/v1.0/me`,
  `${PARTNERS_LIST}?$skiptoken=${"a".repeat(1024 * 1024)}`,
  `${PARTNERS_LIST}\r\nX-Injected: yes`,
];
const DELETED_LIST = "http://localhost:4010/beta/policies/deletedItems/crossTenantSyncPolicyPartners";
/** The same attacks aimed at the deleted sync policies list, plus the links of its neighbours. */
const HOSTILE_DELETED_PAGE_LINKS: unknown[] = [
  "",
  "   ",
  "crossTenantSyncPolicyPartners?$skiptoken=1",
  "/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1",
  "../../users",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "https://attacker.example/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1",
  "https://graph.microsoft.com.attacker.example/beta/policies/deletedItems/crossTenantSyncPolicyPartners",
  "http://localhost:4011/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1",
  `${PARTNERS_LIST}?$skiptoken=1`,
  "http://localhost:4010/beta/policies/deletedItems/crossTenantPartners?$skiptoken=1",
  "http://localhost:4010/v1.0/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1",
  `${DELETED_LIST}/${TENANT}?$skiptoken=1`,
  `${DELETED_LIST}/${TENANT}/restore`,
  `${DELETED_LIST}/../../../users?$skiptoken=1`,
  `${DELETED_LIST}?$skiptoken=1&$filter=true`,
  `${DELETED_LIST}?$skiptoken=1#fragment`,
  DELETED_LIST.replace("://", "://user:pw@"),
  `${DELETED_LIST}?$skiptoken=${"a".repeat(1024 * 1024)}`,
  `${DELETED_LIST}\r\nX-Injected: yes`,
];
const DELETED_PARTNERS_LIST = "http://localhost:4010/beta/policies/deletedItems/crossTenantPartners";
const HOSTILE_DELETED_PARTNERS_PAGE_LINKS: unknown[] = [
  ...HOSTILE_DELETED_PAGE_LINKS.filter((link) => typeof link !== "string" || !link.includes("crossTenantPartners")),
  `${DELETED_LIST}?$skiptoken=1`,
  `${DELETED_PARTNERS_LIST}/${TENANT}/restore`,
  `${DELETED_PARTNERS_LIST}?$skiptoken=1&$orderby=x`,
  DELETED_PARTNERS_LIST.replace("://", "://user:pw@"),
];
const TEN_THOUSAND_GUIDS = Array.from({ length: 10_000 }, () => TENANT);
const TEN_THOUSAND_JUNK = Array.from({ length: 10_000 }, (_, index) => `x'),partners(${index}`);

interface Case {
  name: string;
  args: unknown[];
}

const caseList = (name: string, values: readonly unknown[], at: (value: unknown) => unknown[]): Case[] =>
  values.map((value, index) => ({ name: `${name} #${index}`, args: at(value) }));

const HOSTILE_FLAGS: unknown[] = ["true", "false", "yes", "1", 1, 0, NaN, null, undefined, {}, [], [true], { value: true }, JSON.parse('{"__proto__": true}') as unknown];

const HOSTILE_NAMES: unknown[] = [
  "",
  "   ",
  "\t\n",
  "x".repeat(257),
  "y".repeat(1024 * 1024),
  "Fabrikam\u0000",
  "Fabrikam\r\nX-Injected: yes",
  "\u0007Fabrikam",
  "Fab\u001b[31mrikam",
  "\u0085Fabrikam",
  "Fabrikam\u009b",
  ["Fabrikam"],
  { displayName: "Fabrikam" },
  JSON.parse('{"__proto__": {"displayName": "Fabrikam"}}') as unknown,
];

const HOSTILE_DOMAINS: unknown[] = [
  "fabrikam.example')/partners('x",
  "x'),partners(",
  "fabrikam.example'",
  "fabrikam.example/../../policies",
  "fabrikam.example%2F..%2Fdefault",
  "%66abrikam.example",
  "https://fabrikam.example",
  "fabrikam.example?$select=*",
  "fabrikam.example#fragment",
  "fabrikam.example&$filter=x",
  "admin@fabrikam.example",
  "fabrikam.example:443",
  "fabrikam .example",
  "fabrikam.example.",
  ".fabrikam.example",
  "fabrikam..example",
  "-fabrikam.example",
  "fabrikam-.example",
  "fabrikam_corp.example",
  "*.fabrikam.example",
  "fabrikam\\..\\example",
  "fabrikam",
  "fabrikam.123",
  TENANT,
  // Look-alikes: Cyrillic i, full-width f, Kelvin sign, Arabic-Indic digits, a zero-width space.
  "fabr\u0456kam.example",
  "\uff46abrikam.example",
  "\u212aelvin.example",
  "\u0661\u0662\u0663.example",
  "fabri\u200bkam.example",
  "fabrikam.example\u0000",
  "fabrikam.example\r\nX-Injected: yes",
  "fabrikam.example eq 'x' or 1 eq 1",
  `${"a".repeat(64)}.example`,
  `${"a.".repeat(130)}example`,
  `${"a".repeat(1024 * 1024)}.example`,
  "",
  "   ",
];

const HOSTILE_SETTINGS: unknown[] = [
  {},
  { userSyncAllowed: undefined, groupSyncAllowed: undefined },
  { userSyncAllowed: "true" },
  { groupSyncAllowed: "false" },
  { userSyncAllowed: 1 },
  { userSyncAllowed: null },
  { userSyncAllowed: NaN },
  { userSyncAllowed: [true] },
  { userSyncAllowed: { isSyncAllowed: true } },
  { userSyncAllowed: true, groupSyncAllowed: "yes" },
  { userSyncAllowed: true, extra: true },
  { userSyncAllowed: true, "@odata.type": "#microsoft.graph.crossTenantIdentitySyncPolicyPartner" },
  { userSyncAllowed: true, displayName: "Renamed" },
  { userSyncAllowed: true, tenantId: TENANT },
  { userSyncInbound: { isSyncAllowed: true } },
  { UserSyncAllowed: true },
  JSON.parse('{"userSyncAllowed": true, "__proto__": {"groupSyncAllowed": true}}') as unknown,
  JSON.parse('{"__proto__": {"userSyncAllowed": true}}') as unknown,
  JSON.parse('{"userSyncAllowed": true, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, true])),
  "userSyncAllowed=true",
  [{ userSyncAllowed: true }],
];

/** A token alone: every bad token, every wrong type, and the wrong number of arguments. */
function tokenOnlyCases(): Case[] {
  return [
    ...caseList("bad token", BAD_TOKENS, (token) => [token]),
    ...caseList("wrong type", WRONG_TYPES, (token) => [token]),
    ...caseList("__proto__ object", PROTO_OBJECTS, (token) => [token]),
    { name: "no arguments", args: [] },
    { name: "an extra argument", args: [TOKEN, TENANT] },
    { name: "an extra route argument", args: [TOKEN, "partner"] },
    { name: "an extra object argument", args: [TOKEN, { $filter: "x'),partners(" }] },
    { name: "10,000 arguments", args: TEN_THOUSAND_GUIDS },
    { name: "a 10,000-element array as token", args: [TEN_THOUSAND_JUNK] },
    { name: "a 10,000-element array of ids as token", args: [TEN_THOUSAND_GUIDS] },
  ];
}

/** A token, a tenant id, then `rest` (valid): hostile values in the first two places and every count but the right one. */
function tenantIdCases(rest: unknown[]): Case[] {
  return [
    ...caseList("hostile tenant id", TRAVERSAL_IDS, (id) => [TOKEN, id, ...rest]),
    ...caseList("bad token", BAD_TOKENS, (token) => [token, TENANT, ...rest]),
    ...caseList("wrong type as tenant id", WRONG_TYPES, (id) => [TOKEN, id, ...rest]),
    ...caseList("__proto__ object as tenant id", PROTO_OBJECTS, (id) => [TOKEN, id, ...rest]),
    { name: "a 10,000-element array as tenant id", args: [TOKEN, TEN_THOUSAND_GUIDS, ...rest] },
    { name: "no arguments", args: [] },
    { name: "token only", args: [TOKEN] },
    { name: "arguments swapped", args: [TENANT, TOKEN, ...rest] },
    ...(rest.length > 0 ? [{ name: "the last argument missing", args: [TOKEN, TENANT, ...rest.slice(0, -1)] }] : []),
    { name: "an extra argument", args: [TOKEN, TENANT, ...rest, "partner"] },
    { name: "an extra object argument", args: [TOKEN, TENANT, ...rest, { force: true }] },
    { name: "10,000 arguments", args: [TOKEN, ...TEN_THOUSAND_GUIDS] },
  ];
}

const HOSTILE_JOB_IDS: unknown[] = [
  "../../servicePrincipals",
  `${JOB}/../../restart`,
  `${JOB}%2F..%2Fstart`,
  `${JOB}?$select=*`,
  `${JOB}#x`,
  `${JOB} `,
  "Azure2Azure x",
  "Azure2Azure'),jobs(",
  `${JOB}\u0000`,
  "Azure2Azure.\u0661\u0662",
  `${"a".repeat(129)}`,
  "",
];
const HOSTILE_FINGERPRINTS: unknown[] = ["Active Active", "Active|Active|-|-' or '1", "../x", "Active|Active|\u0000", `${"A|".repeat(101)}`, "", "Active;Paused", "<script>"];
const HOSTILE_SCOPES: unknown[] = [
  "QuarantineState",
  ["Everything"],
  ["quarantinestate"],
  ["QuarantineState,ForceDeletes"],
  ["Full"],
  ["ConnectorDataStore"],
  ["QuarantineState", "Watermark", "Escrows", "ForceDeletes", "QuarantineState"],
  [null],
  [["QuarantineState"]],
  { resetScope: "QuarantineState" },
  [{ flag: "QuarantineState" }],
];
const HOSTILE_SEARCHES: unknown[] = ["", "   ", "a".repeat(101), "meg\u0000", "meg\r\nX-Injected: yes", "\u0007bell", null, 42, ["meg"], { text: "meg" }];

/** A token, a service principal id, a job id, then `rest` (valid): hostile values in each place. */
function jobCases(rest: unknown[]): Case[] {
  return [
    ...tenantIdCases([JOB, ...rest]),
    ...caseList("hostile job id", HOSTILE_JOB_IDS, (id) => [TOKEN, SERVICE_PRINCIPAL, id, ...rest]),
    ...caseList("wrong type as job id", WRONG_TYPES, (id) => [TOKEN, SERVICE_PRINCIPAL, id, ...rest]),
  ];
}

/** A list read takes the token alone: every token attack, and paging links sent along as if it took one. */
function listCases(links: readonly unknown[]): Case[] {
  return [
    ...tokenOnlyCases(),
    ...caseList("a paging link sent along", links, (link) => [TOKEN, link]),
    { name: "the first page's null sent along", args: [TOKEN, null] },
    { name: "a 10,000-element array sent along", args: [TOKEN, TEN_THOUSAND_JUNK] },
  ];
}

/** A token and a list of tenant ids: hostile lists, hostile items, and lists too long or empty. */
function tenantListCases(): Case[] {
  return [
    ...caseList("hostile tenant id in the list", TRAVERSAL_IDS, (id) => [TOKEN, [TENANT, id]]),
    ...caseList("bad token", BAD_TOKENS, (token) => [token, [TENANT]]),
    ...caseList("wrong type as list", WRONG_TYPES.filter((value) => !Array.isArray(value)), (ids) => [TOKEN, ids]),
    ...caseList("wrong type in the list", WRONG_TYPES, (id) => [TOKEN, [id]]),
    ...caseList("__proto__ object", PROTO_OBJECTS, (ids) => [TOKEN, ids]),
    { name: "an empty list", args: [TOKEN, []] },
    { name: "a 10,000-element list of valid ids", args: [TOKEN, TEN_THOUSAND_GUIDS] },
    { name: "a 10,000-element list of injections", args: [TOKEN, TEN_THOUSAND_JUNK] },
    { name: "a string instead of a list", args: [TOKEN, TENANT] },
    { name: "no arguments", args: [] },
    { name: "no list", args: [TOKEN] },
    { name: "an extra argument", args: [TOKEN, [TENANT], "partner"] },
  ];
}

/** Big enough that a quadratic pattern would take seconds, small enough to pass the whole-list limit: it reaches each field's own checks. */
const UNDER_LIST_LIMIT = ARGUMENT_LIMITS.chars - 1024;

/** For each string field: values of 1 MB and just under the whole-list limit, each also as long runs of every pivot character. */
function sizeCases(fields: readonly StringField[]): Case[] {
  return fields.flatMap(({ field, at }) => [ONE_MB, UNDER_LIST_LIMIT].flatMap((length) => hostileValues(length).map(({ name, value }) => ({ name: `${field}: ${name}`, args: at(value) }))));
}

/** What each action is sent: the same hostile families, placed in every argument position it has. */
interface Row extends ActionArguments {
  action: ActionName;
  call: Action;
  /** The hand-picked cases; sizeCases adds those of every string field. */
  cases: Case[];
}

const ROWS: Row[] = [
  { action: "listPartners", call: listPartners, ...ACTION_ARGUMENTS.listPartners, cases: listCases(HOSTILE_PAGE_LINKS) },
  { action: "listDeletedSyncPolicies", call: listDeletedSyncPolicies, ...ACTION_ARGUMENTS.listDeletedSyncPolicies, cases: listCases(HOSTILE_DELETED_PAGE_LINKS) },
  { action: "getPartnerDetail", call: getPartnerDetail, ...ACTION_ARGUMENTS.getPartnerDetail, cases: tenantIdCases([]) },
  {
    action: "restoreSyncPolicy",
    call: restoreSyncPolicy,
    ...ACTION_ARGUMENTS.restoreSyncPolicy,
    cases: [
      ...tenantIdCases(["partner"]),
      ...caseList("__proto__ object as route", PROTO_OBJECTS, (route) => [TOKEN, TENANT, route]),
      ...caseList("hostile route", ["deleted-items/../partner", "PARTNER", "partners", "partner%2F", "__proto__", "constructor", "x'),partners("], (route) => [
        TOKEN,
        TENANT,
        route,
      ]),
    ],
  },
  {
    action: "restoreSyncPolicies",
    call: restoreSyncPolicies,
    ...ACTION_ARGUMENTS.restoreSyncPolicies,
    // Restoring an empty selection is a valid no-op for this action.
    cases: tenantListCases().filter(({ name }) => name !== "an empty list"),
  },
  { action: "addPartner", call: addPartner, ...ACTION_ARGUMENTS.addPartner, cases: tenantIdCases([]) },
  {
    action: "deletePartner",
    call: deletePartner,
    ...ACTION_ARGUMENTS.deletePartner,
    cases: [...tenantIdCases([true]), ...caseList("hostile withSyncPolicy", HOSTILE_FLAGS, (flag) => [TOKEN, TENANT, flag])],
  },
  { action: "listDeletedPartners", call: listDeletedPartners, ...ACTION_ARGUMENTS.listDeletedPartners, cases: listCases(HOSTILE_DELETED_PARTNERS_PAGE_LINKS) },
  { action: "restorePartners", call: restorePartners, ...ACTION_ARGUMENTS.restorePartners, cases: tenantListCases() },
  { action: "purgePartners", call: purgePartners, ...ACTION_ARGUMENTS.purgePartners, cases: tenantListCases() },
  {
    action: "setOutboundRedemption",
    call: setOutboundRedemption,
    ...ACTION_ARGUMENTS.setOutboundRedemption,
    cases: [...tenantIdCases([true]), ...caseList("hostile allowed", HOSTILE_FLAGS, (flag) => [TOKEN, TENANT, flag])],
  },
  {
    action: "setInboundRedemption",
    call: setInboundRedemption,
    ...ACTION_ARGUMENTS.setInboundRedemption,
    cases: [...tenantIdCases([true]), ...caseList("hostile allowed", HOSTILE_FLAGS, (flag) => [TOKEN, TENANT, flag])],
  },
  {
    action: "setUpSync",
    call: setUpSync,
    ...ACTION_ARGUMENTS.setUpSync,
    cases: [
      ...tenantIdCases(["Fabrikam", true]),
      ...caseList("hostile display name", HOSTILE_NAMES, (name) => [TOKEN, TENANT, name, false]),
      ...caseList("wrong type as display name", WRONG_TYPES, (name) => [TOKEN, TENANT, name, false]),
      ...caseList("hostile enableAutomaticRedemption", HOSTILE_FLAGS, (flag) => [TOKEN, TENANT, "Fabrikam", flag]),
    ],
  },
  {
    action: "updateSyncPolicy",
    call: updateSyncPolicy,
    ...ACTION_ARGUMENTS.updateSyncPolicy,
    cases: [
      ...tenantIdCases([{ userSyncAllowed: true }]),
      ...caseList("hostile settings", HOSTILE_SETTINGS, (settings) => [TOKEN, TENANT, settings]),
      ...caseList("wrong type as settings", WRONG_TYPES, (settings) => [TOKEN, TENANT, settings]),
      ...caseList("__proto__ object as settings", PROTO_OBJECTS, (settings) => [TOKEN, TENANT, settings]),
    ],
  },
  { action: "deleteSyncPolicy", call: deleteSyncPolicy, ...ACTION_ARGUMENTS.deleteSyncPolicy, cases: tenantIdCases([]) },
  { action: "purgeSyncPolicies", call: purgeSyncPolicies, ...ACTION_ARGUMENTS.purgeSyncPolicies, cases: tenantListCases() },
  {
    action: "findTenantInformation",
    call: findTenantInformation,
    ...ACTION_ARGUMENTS.findTenantInformation,
    cases: [...tenantListCases(), { name: "501 valid ids, one more than a call names", args: [TOKEN, Array.from({ length: 501 }, () => TENANT)] }],
  },
  {
    action: "findTenantByDomain",
    call: findTenantByDomain,
    ...ACTION_ARGUMENTS.findTenantByDomain,
    cases: [
      ...caseList("hostile domain", HOSTILE_DOMAINS, (domain) => [TOKEN, domain]),
      ...caseList("bad token", BAD_TOKENS, (token) => [token, "fabrikam.example"]),
      ...caseList("wrong type as domain", WRONG_TYPES, (domain) => [TOKEN, domain]),
      ...caseList("__proto__ object as domain", PROTO_OBJECTS, (domain) => [TOKEN, domain]),
      { name: "a list of domains", args: [TOKEN, ["fabrikam.example"]] },
      { name: "no arguments", args: [] },
      { name: "token only", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, "fabrikam.example", TENANT] },
      { name: "10,000 arguments", args: [TOKEN, ...TEN_THOUSAND_JUNK] },
    ],
  },
  { action: "getDefaultPolicy", call: getDefaultPolicy, ...ACTION_ARGUMENTS.getDefaultPolicy, cases: tokenOnlyCases() },
  { action: "listPartnerConfigurations", call: listPartnerConfigurations, ...ACTION_ARGUMENTS.listPartnerConfigurations, cases: listCases(HOSTILE_PAGE_LINKS) },
  { action: "getAccessPolicyRoot", call: getAccessPolicyRoot, ...ACTION_ARGUMENTS.getAccessPolicyRoot, cases: tokenOnlyCases() },
  {
    action: "putBackSnapshotRows",
    call: putBackSnapshotRows,
    ...ACTION_ARGUMENTS.putBackSnapshotRows,
    cases: [
      ...caseList("bad token", BAD_TOKENS, (token) => [token, [PUT_BACK_ROW]]),
      ...caseList("hostile tenant id in a row", TRAVERSAL_IDS, (tenantId) => [TOKEN, [{ ...PUT_BACK_ROW, tenantId }]]),
      ...caseList("wrong type as rows", WRONG_TYPES.filter((value) => !Array.isArray(value)), (rows) => [TOKEN, rows]),
      ...caseList("wrong type as a row", WRONG_TYPES, (row) => [TOKEN, [row]]),
      ...caseList("__proto__ object as rows", PROTO_OBJECTS, (rows) => [TOKEN, rows]),
      ...caseList("an unknown step", ["purge", "DELETE /policies", "restore'),partners(", "", "Restore"], (partner) => [TOKEN, [{ ...PUT_BACK_ROW, partner }]]),
      ...caseList("a hostile policy name", ["", " ", "a\u0000b", "x".repeat(300), "line\nbreak"], (policyName) => [TOKEN, [{ ...PUT_BACK_ROW, policyName }]]),
      { name: "a row missing a field", args: [TOKEN, [{ ...PUT_BACK_ROW, outboundRedemption: undefined }]] },
      { name: "an update that names no setting", args: [TOKEN, [{ ...PUT_BACK_ROW, syncPolicy: "update", userSyncAllowed: null }]] },
      { name: "a string as a flag", args: [TOKEN, [{ ...PUT_BACK_ROW, userSyncAllowed: "true" }]] },
      { name: "an empty list", args: [TOKEN, []] },
      { name: "51 rows", args: [TOKEN, Array.from({ length: 51 }, () => PUT_BACK_ROW)] },
      { name: "a 10,000-element list", args: [TOKEN, TEN_THOUSAND_GUIDS] },
      { name: "no arguments", args: [] },
      { name: "token only", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, [PUT_BACK_ROW], TENANT] },
    ],
  },
  {
    action: "listAuditEntries",
    call: listAuditEntries,
    ...ACTION_ARGUMENTS.listAuditEntries,
    cases: [
      ...caseList("bad token", BAD_TOKENS, (token) => [token, { query: { since: "2026-11-01T00:00:00Z" } }]),
      ...caseList("hostile partner id", TRAVERSAL_IDS, (id) => [TOKEN, { query: { since: "2026-11-01T00:00:00Z", partnerTenantId: id } }]),
      ...caseList("wrong type as cursor", WRONG_TYPES, (cursor) => [TOKEN, cursor]),
      ...caseList("__proto__ object as cursor", PROTO_OBJECTS, (cursor) => [TOKEN, cursor]),
      ...caseList("hostile since", ["yesterday", "2026-11-01T00:00:00Z') or true or ('", "2026-13-45T99:00:00Z", "", 0], (since) => [TOKEN, { query: { since } }]),
      ...caseList(
        "hostile person",
        ["admin@contoso.example' or 1 eq 1 or '", "x'),partners(@a.b", "a b@contoso.example", `${"a".repeat(300)}@contoso.example`, "no-at-sign"],
        (upn) => [TOKEN, { query: { since: "2026-11-01T00:00:00Z", initiatedByUpn: upn } }],
      ),
      { name: "an unknown kind", args: [TOKEN, { query: { since: "2026-11-01T00:00:00Z", kind: "everything" } }] },
      { name: "an extra query key", args: [TOKEN, { query: { since: "2026-11-01T00:00:00Z", $filter: "x'),partners(" } }] },
      { name: "a nextLink that is not a URL", args: [TOKEN, { nextLink: "../../users" }] },
      { name: "a 1 MB nextLink", args: [TOKEN, { nextLink: `https://graph.microsoft.com/beta/auditLogs/directoryAudits?$skiptoken=${"a".repeat(1024 * 1024)}` }] },
      { name: "both a query and a nextLink", args: [TOKEN, { query: { since: "2026-11-01T00:00:00Z" }, nextLink: "https://graph.microsoft.com/beta/x" }] },
      { name: "no arguments", args: [] },
      { name: "token only", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, { query: { since: "2026-11-01T00:00:00Z" } }, TENANT] },
      { name: "10,000 arguments", args: [TOKEN, ...TEN_THOUSAND_JUNK] },
    ],
  },
  {
    action: "listProvisioningEvents",
    call: listProvisioningEvents,
    ...ACTION_ARGUMENTS.listProvisioningEvents,
    cases: [
      ...caseList("bad token", BAD_TOKENS, (token) => [token, { query: { since: SINCE }, pages: 1 }]),
      ...caseList("hostile service principal id", TRAVERSAL_IDS, (id) => [TOKEN, { query: { since: SINCE, servicePrincipalId: id }, pages: 1 }]),
      ...caseList("wrong type as read", WRONG_TYPES, (read) => [TOKEN, read]),
      ...caseList("__proto__ object as read", PROTO_OBJECTS, (read) => [TOKEN, read]),
      ...caseList("hostile since", ["yesterday", "2026-11-01T00:00:00Z') or true or ('", "2026-13-45T99:00:00Z", "", 0], (since) => [TOKEN, { query: { since }, pages: 1 }]),
      ...caseList("hostile status", ["Failure", "failure' or 1 eq 1 or '", "all", "constructor", "", 1], (status) => [TOKEN, { query: { since: SINCE, status }, pages: 1 }]),
      ...caseList("hostile action", ["Create", "create') or ('", "__proto__", "", ["create"]], (action) => [TOKEN, { query: { since: SINCE, action }, pages: 1 }]),
      ...caseList("hostile pages", [0, -1, 6, 1.5, NaN, Infinity, "1", null, undefined, [1], { pages: 1 }, 1e9], (pages) => [TOKEN, { nextLink: PROVISIONING_NEXT_LINK, pages }]),
      ...caseList("a paging link that is not one", ["../../users", "javascript:alert(1)", "file:///etc/passwd", "", "   "], (nextLink) => [TOKEN, { nextLink, pages: 1 }]),
      { name: "a 1 MB nextLink", args: [TOKEN, { nextLink: `${PROVISIONING_NEXT_LINK}${"a".repeat(1024 * 1024)}`, pages: 1 }] },
      { name: "a query without pages", args: [TOKEN, { query: { since: SINCE } }] },
      { name: "both a query and a nextLink", args: [TOKEN, { query: { since: SINCE }, nextLink: PROVISIONING_NEXT_LINK, pages: 1 }] },
      { name: "an extra query key", args: [TOKEN, { query: { since: SINCE, $filter: "x'),partners(" }, pages: 1 }] },
      { name: "no arguments", args: [] },
      { name: "token only", args: [TOKEN] },
      { name: "an extra argument", args: [TOKEN, { query: { since: SINCE }, pages: 1 }, LITWARE_SP] },
      { name: "10,000 arguments", args: [TOKEN, ...TEN_THOUSAND_JUNK] },
    ],
  },
  {
    action: "getSyncConfigurationName",
    call: getSyncConfigurationName,
    ...ACTION_ARGUMENTS.getSyncConfigurationName,
    cases: tenantIdCases([]),
  },
];

ROWS.push(
  { action: "listSyncConfigurations", call: listSyncConfigurations, ...ACTION_ARGUMENTS.listSyncConfigurations, cases: tokenOnlyCases() },
  { action: "getSyncConfiguration", call: getSyncConfiguration, ...ACTION_ARGUMENTS.getSyncConfiguration, cases: tenantIdCases([]) },
  {
    action: "searchUsers",
    call: searchUsers,
    ...ACTION_ARGUMENTS.searchUsers,
    cases: [
      ...caseList("hostile search", HOSTILE_SEARCHES, (text) => [TOKEN, text]),
      ...caseList("bad token", BAD_TOKENS, (token) => [token, "meg"]),
      ...caseList("__proto__ object as search", PROTO_OBJECTS, (text) => [TOKEN, text]),
      { name: "no arguments", args: [] },
      { name: "an extra argument", args: [TOKEN, "meg", TENANT] },
    ],
  },
  {
    action: "startSyncJob",
    call: startSyncJob,
    ...ACTION_ARGUMENTS.startSyncJob,
    cases: [...jobCases([FINGERPRINT]), ...caseList("hostile expected state", HOSTILE_FINGERPRINTS, (fp) => [TOKEN, SERVICE_PRINCIPAL, JOB, fp])],
  },
  {
    action: "pauseSyncJob",
    call: pauseSyncJob,
    ...ACTION_ARGUMENTS.pauseSyncJob,
    cases: [...jobCases([FINGERPRINT]), ...caseList("hostile expected state", HOSTILE_FINGERPRINTS, (fp) => [TOKEN, SERVICE_PRINCIPAL, JOB, fp])],
  },
  {
    action: "restartSyncJob",
    call: restartSyncJob,
    ...ACTION_ARGUMENTS.restartSyncJob,
    cases: [
      ...jobCases([FINGERPRINT, ["QuarantineState"]]),
      ...caseList("hostile scopes", HOSTILE_SCOPES, (scopes) => [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT, scopes]),
      ...caseList("wrong type as scopes", WRONG_TYPES.filter((value) => !(Array.isArray(value) && value.length === 0)), (scopes) => [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT, scopes]),
    ],
  },
  { action: "testSyncConnection", call: testSyncConnection, ...ACTION_ARGUMENTS.testSyncConnection, cases: jobCases([]) },
  {
    action: "provisionOnDemand",
    call: provisionOnDemand,
    ...ACTION_ARGUMENTS.provisionOnDemand,
    cases: [...jobCases([SERVICE_PRINCIPAL]), ...caseList("hostile user id", TRAVERSAL_IDS, (id) => [TOKEN, SERVICE_PRINCIPAL, JOB, id])],
  },
);

/** Each row with its size cases: every string field at 1 MB and as long runs of every pivot character. */
const TABLE = ROWS.map((row) => ({ ...row, cases: [...row.cases, ...sizeCases(row.fields)] }));

/** The argument names and keys the action schemas declare: a refusal may name these. */
const DECLARED_KEYS = new Set([
  ...["token", "tenantId", "tenantIds", "route", "nextLink", "displayName", "enableAutomaticRedemption", "withSyncPolicy", "settings", "domain", "cursor"],
  ...["query", "since", "until", "partnerTenantId", "initiatedByUpn", "kind", "userSyncAllowed", "groupSyncAllowed"],
  ...["read", "servicePrincipalId", "status", "action", "pages"],
  ...["jobId", "expected", "scopes", "text", "userId"],
  ...["rows", "partner", "syncPolicy", "policyName", "inboundRedemption", "outboundRedemption"],
]);

/** Every string the caller sent, however deep, and every key it chose, that is long enough to be recognised if echoed. */
function sentStrings(value: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  const add = (text: string) => {
    if (text.trim().length >= 3) into.add(text.length > 200 ? text.slice(0, 200) : text);
  };
  if (typeof value === "string") add(value);
  else if (value && typeof value === "object" && depth < 3) {
    if (!(value instanceof Map || value instanceof Set || Array.isArray(value))) Object.keys(value).filter((key) => !DECLARED_KEYS.has(key)).slice(0, 20).forEach(add);
    const items = value instanceof Map || value instanceof Set ? [...value.values()] : Array.isArray(value) ? value.slice(0, 20) : Object.values(value);
    for (const item of items) sentStrings(item, into, depth + 1);
  }
  return into;
}

/** A generous bound: a refusal takes microseconds, a quadratic pattern on these sizes takes seconds. */
const QUICK_MS = 1_000;

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
    const started = performance.now();
    const result = await call(...(args as never[]));
    expect(performance.now() - started).toBeLessThan(QUICK_MS);
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
    const answer = await call(...(valid as never[]));
    // A streamed read asks Graph as it is read.
    const parts = (answer as { data?: { parts?: AsyncIterable<unknown> } }).data?.parts;
    if (parts) for await (const part of parts) expect(part).toHaveProperty("ok");
    expect(graph.calls.length).toBeGreaterThan(0);
  });
});

/** The exports of every 'use server' module in this folder: each is a public POST endpoint. */
async function exportedActions(): Promise<{ module: string; name: string; action: unknown }[]> {
  const folder = new URL("./", import.meta.url);
  const modules = readdirSync(folder).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  const serverModules = modules.filter((file) => /^\s*["']use server["']/.test(readFileSync(new URL(file, folder), "utf8")));
  const found = await Promise.all(
    serverModules.map(async (file) => Object.entries((await import(/* @vite-ignore */ new URL(file, folder).href)) as Record<string, unknown>).map(([name, action]) => ({ module: file, name, action }))),
  );
  return found.flat();
}

describe("the table above", () => {
  it("has a row for every exported server action, wired to that action", async () => {
    const actions = await exportedActions();
    expect(actions.length).toBeGreaterThanOrEqual(ROWS.length);
    for (const { module, name, action } of actions) {
      expect(typeof action, `${module} exports ${name}`).toBe("function");
      const row = ROWS.find((candidate) => candidate.action === name);
      expect(row, `${module}: ${name} has no hostile cases`).toBeDefined();
      expect(row?.call, `${name}'s row calls ${name}`).toBe(action);
    }
    expect(ROWS.map((row) => row.action).sort()).toEqual(actions.map(({ name }) => name).sort());
    expect(Object.keys(ACTION_ARGUMENTS).sort()).toEqual(actions.map(({ name }) => name).sort());
  });

  it.each(ROWS)("$action: every argument but a boolean has a string field with size cases", ({ valid, fields }) => {
    const marker = "marker-value";
    const holds = (value: unknown): boolean =>
      value === marker || (Array.isArray(value) ? value.some(holds) : value !== null && typeof value === "object" && Object.entries(value).some(([key, item]) => key === marker || holds(item)));
    valid.forEach((value, position) => {
      if (typeof value === "boolean") return;
      expect(fields.some(({ at }) => holds(at(marker)[position])), `argument ${position} has a string field`).toBe(true);
    });
    for (const { at } of fields) expect(at(marker)).toHaveLength(valid.length);
  });
});

describe("refusals name no key the caller chose", () => {
  const KEYS = ["zzInjectedKeyNameQ7", "$filter", "constructor", "__proto__", "toString", "k".repeat(300)];
  const withKeys = (base: Record<string, unknown>) => Object.fromEntries([...Object.entries(base), ...KEYS.map((key) => [key, "x'),partners("])]);
  const CASES: { name: string; run: () => Promise<unknown> }[] = [
    { name: "updateSyncPolicy settings", run: () => updateSyncPolicy(TOKEN, TENANT, withKeys({ userSyncAllowed: true }) as never) },
    { name: "updateSyncPolicy settings with nothing else", run: () => updateSyncPolicy(TOKEN, TENANT, withKeys({}) as never) },
    { name: "listAuditEntries cursor.query", run: () => listAuditEntries(TOKEN, { query: withKeys({ since: SINCE }) } as never) },
    { name: "listAuditEntries cursor", run: () => listAuditEntries(TOKEN, withKeys({ query: { since: SINCE } }) as never) },
    { name: "listAuditEntries cursor with a nextLink", run: () => listAuditEntries(TOKEN, withKeys({ nextLink: "http://localhost:4010/beta/auditLogs/directoryAudits" }) as never) },
    ...ROWS.flatMap(({ action, call, valid }) =>
      valid.map((_, position) => ({
        name: `${action} argument ${position}`,
        run: () => call(...(valid.map((value, index) => (index === position ? withKeys({}) : value)) as never[])),
      })),
    ),
  ];

  it.each(CASES)("$name: an object with unknown keys is refused in fixed words", async ({ run }) => {
    const result = await run();
    expect(result).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    const answer = JSON.stringify(result);
    for (const key of ["zzInjected", "$filter", "constructor", "__proto__", "toString", "kkkkkkkk", "partners("]) expect(answer).not.toContain(key);
    expect(graph.calls).toHaveLength(0);
  });
});

describe("what the new actions send once their arguments pass", () => {
  it("findTenantByDomain puts the plain, lower-cased domain into the function call", async () => {
    await findTenantByDomain(TOKEN, " Fabrikam.Example ");
    expect(graph.calls.map((call) => call.url.pathname)).toEqual(["/beta/tenantRelationships/findTenantInformationByDomainName(domainName='fabrikam.example')"]);
  });

  it("updateSyncPolicy refuses unknown settings keys without naming them", async () => {
    const result = await updateSyncPolicy(TOKEN, TENANT, { userSyncAllowed: true, injectedSettingName: true } as never);
    expect(result).toMatchObject({ ok: false, error: { code: "InvalidArgument", message: "settings may hold only userSyncAllowed and groupSyncAllowed" } });
    expect(graph.calls).toHaveLength(0);
  });
});
