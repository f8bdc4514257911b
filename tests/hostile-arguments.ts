/**
 * Test and bench support: every string each server action takes, and the long values sent to
 * each one. lib/actions/hostile-input.test.ts calls the actions with them in-process; `npm run
 * bench:hostile` POSTs them to a production server the way an attacker would.
 */
import { TENANT, TOKEN } from "./sample-arguments";

/** One string the action takes, however deep (a key name counts): `at(value)` is a valid argument list with `value` in its place. */
export interface StringField {
  field: string;
  at: (value: string) => unknown[];
}

export interface ActionArguments {
  /** Arguments the action accepts and sends on to Graph. */
  valid: unknown[];
  fields: StringField[];
}

export const ONE_MB = 1024 * 1024;

/**
 * The characters the patterns split or pivot on: "@" (person), "." and "-" (token, domain,
 * date-time, GUID), "/" and ":" (links), digits and letters (GUID, token), space (trim), a
 * control character (names).
 */
export const PIVOTS = ["@", ".", "-", "/", ":", "%", "0", "a", " ", "\u0000"] as const;

/**
 * Each pivot as a long run, the same run with a refusing character at its end (where
 * backtracking starts: the quadratic case), and alternating with a letter.
 */
export const RUN_SHAPES = [
  { shape: "a run of", make: (pivot: string, length: number) => pivot.repeat(length) },
  // A quote: no pattern takes it and trim leaves it, so it fails the match only at the very end.
  { shape: "a run ending in a quote of", make: (pivot: string, length: number) => `${pivot.repeat(length - 1)}'` },
  { shape: "a run alternating with a letter of", make: (pivot: string, length: number) => `a${pivot}`.repeat(Math.floor(length / 2)) },
] as const;

export type RunShape = (typeof RUN_SHAPES)[number];

const runs = new Map<string, string>();
/** The run, built once per shape, pivot and length. */
export function hostileRun(shape: RunShape, pivot: string, length: number): string {
  const key = `${shape.shape}|${pivot}|${length}`;
  let value = runs.get(key);
  if (value === undefined) runs.set(key, (value = shape.make(pivot, length)));
  return value;
}

const tokenField = (rest: unknown[]): StringField => ({ field: "token", at: (token) => [token, ...rest] });
const tenantIdField = (rest: unknown[]): StringField => ({ field: "tenantId", at: (id) => [TOKEN, id, ...rest] });
const idArguments: ActionArguments = { valid: [TOKEN, TENANT], fields: [tokenField([TENANT]), tenantIdField([])] };
const tenantListArguments: ActionArguments = { valid: [TOKEN, [TENANT]], fields: [tokenField([[TENANT]]), { field: "tenantIds[1]", at: (id) => [TOKEN, [TENANT, id]] }] };
const tokenArguments: ActionArguments = { valid: [TOKEN], fields: [tokenField([])] };

export const SINCE = "2026-11-01T00:00:00Z";

/** A sync configuration's service principal, its job and the state the page showed. */
export const SERVICE_PRINCIPAL = "0d840951-538c-4adb-893c-5ab7f86f6233";
export const JOB = "Azure2Azure.9c5d131db1c34fc49e3fc6557947d551.0d840951538c4adb893c5ab7f86f6233";
export const FINGERPRINT = "Active|Active|-|-";
const jobFields = (tail: unknown[]): StringField[] => [
  tokenField([SERVICE_PRINCIPAL, JOB, ...tail]),
  { field: "servicePrincipalId", at: (id) => [TOKEN, id, JOB, ...tail] },
  { field: "jobId", at: (id) => [TOKEN, SERVICE_PRINCIPAL, id, ...tail] },
];
const auditQuery = (query: Record<string, unknown>) => [TOKEN, { query: { since: SINCE, ...query } }];

export const LITWARE_SP = "51867b8f-6242-4348-8599-c2975b1029d6";
const provisioningQuery = (query: Record<string, unknown>) => [TOKEN, { query: { since: SINCE, servicePrincipalId: LITWARE_SP, ...query }, pages: 1 }];
export const PROVISIONING_NEXT_LINK = "http://localhost:4010/beta/auditLogs/provisioning?$skiptoken=2";
/** A put-back row that sends something: re-create a sync policy. */
export const PUT_BACK_ROW = {
  tenantId: TENANT,
  partner: "keep",
  syncPolicy: "create",
  policyName: "Fabrikam",
  userSyncAllowed: true,
  groupSyncAllowed: null,
  inboundRedemption: null,
  outboundRedemption: null,
};

/** Every server action by name. */
export const ACTION_ARGUMENTS = {
  listPartners: tokenArguments,
  getPartnerDetail: idArguments,
  listDeletedSyncPolicies: tokenArguments,
  restoreSyncPolicy: {
    valid: [TOKEN, TENANT, "deleted-items"],
    fields: [tokenField([TENANT, "partner"]), tenantIdField(["partner"]), { field: "route", at: (route) => [TOKEN, TENANT, route] }],
  },
  restoreSyncPolicies: tenantListArguments,
  addPartner: idArguments,
  deletePartner: { valid: [TOKEN, TENANT, true], fields: [tokenField([TENANT, true]), tenantIdField([true])] },
  listDeletedPartners: tokenArguments,
  restorePartners: tenantListArguments,
  purgePartners: tenantListArguments,
  setOutboundRedemption: { valid: [TOKEN, TENANT, true], fields: [tokenField([TENANT, true]), tenantIdField([true])] },
  setInboundRedemption: { valid: [TOKEN, TENANT, true], fields: [tokenField([TENANT, true]), tenantIdField([true])] },
  setUpSync: {
    valid: [TOKEN, TENANT, "Fabrikam", true],
    fields: [tokenField([TENANT, "Fabrikam", true]), tenantIdField(["Fabrikam", true]), { field: "displayName", at: (name) => [TOKEN, TENANT, name, true] }],
  },
  updateSyncPolicy: {
    valid: [TOKEN, TENANT, { userSyncAllowed: false }],
    fields: [
      tokenField([TENANT, { userSyncAllowed: true }]),
      tenantIdField([{ userSyncAllowed: true }]),
      { field: "a key of settings", at: (key) => [TOKEN, TENANT, { userSyncAllowed: true, [key]: true }] },
    ],
  },
  deleteSyncPolicy: idArguments,
  purgeSyncPolicies: tenantListArguments,
  findTenantInformation: tenantListArguments,
  findTenantByDomain: { valid: [TOKEN, "Fabrikam.example"], fields: [tokenField(["fabrikam.example"]), { field: "domain", at: (domain) => [TOKEN, domain] }] },
  getDefaultPolicy: tokenArguments,
  listPartnerConfigurations: tokenArguments,
  getAccessPolicyRoot: tokenArguments,
  putBackSnapshotRows: {
    valid: [TOKEN, [PUT_BACK_ROW]],
    fields: [
      tokenField([[PUT_BACK_ROW]]),
      { field: "rows[0].tenantId", at: (tenantId) => [TOKEN, [{ ...PUT_BACK_ROW, tenantId }]] },
      { field: "rows[0].partner", at: (partner) => [TOKEN, [{ ...PUT_BACK_ROW, partner }]] },
      { field: "rows[0].syncPolicy", at: (syncPolicy) => [TOKEN, [{ ...PUT_BACK_ROW, syncPolicy }]] },
      { field: "rows[0].policyName", at: (policyName) => [TOKEN, [{ ...PUT_BACK_ROW, policyName }]] },
      { field: "a key of rows[0]", at: (key) => [TOKEN, [{ ...PUT_BACK_ROW, [key]: true }]] },
    ],
  },
  listAuditEntries: {
    valid: [TOKEN, { query: { since: SINCE } }],
    fields: [
      tokenField([{ query: { since: SINCE } }]),
      { field: "cursor.query.since", at: (since) => [TOKEN, { query: { since } }] },
      { field: "cursor.query.until", at: (until) => auditQuery({ until }) },
      { field: "cursor.query.partnerTenantId", at: (partnerTenantId) => auditQuery({ partnerTenantId }) },
      { field: "cursor.query.initiatedByUpn", at: (initiatedByUpn) => auditQuery({ initiatedByUpn }) },
      { field: "cursor.query.initiatedByUpnStart", at: (initiatedByUpnStart) => auditQuery({ initiatedByUpnStart }) },
      { field: "cursor.query.kind", at: (kind) => auditQuery({ kind }) },
      { field: "a key of cursor.query", at: (key) => auditQuery({ [key]: "x" }) },
      { field: "cursor.nextLink", at: (nextLink) => [TOKEN, { nextLink }] },
      { field: "cursor.kind beside a nextLink", at: (kind) => [TOKEN, { nextLink: "http://localhost:4010/beta/auditLogs/directoryAudits?$skiptoken=2", kind }] },
    ],
  },
  listProvisioningEvents: {
    valid: [TOKEN, { query: { since: SINCE, servicePrincipalId: LITWARE_SP, status: "failure" }, pages: 1 }],
    fields: [
      tokenField([{ query: { since: SINCE }, pages: 1 }]),
      { field: "read.query.since", at: (since) => [TOKEN, { query: { since }, pages: 1 }] },
      { field: "read.query.servicePrincipalId", at: (servicePrincipalId) => provisioningQuery({ servicePrincipalId }) },
      { field: "read.query.status", at: (status) => provisioningQuery({ status }) },
      { field: "read.query.action", at: (action) => provisioningQuery({ action }) },
      { field: "a key of read.query", at: (key) => provisioningQuery({ [key]: "x" }) },
      { field: "read.nextLink", at: (nextLink) => [TOKEN, { nextLink, pages: 1 }] },
      { field: "read.pages as text", at: (pages) => [TOKEN, { nextLink: PROVISIONING_NEXT_LINK, pages }] },
    ],
  },
  getSyncConfigurationName: {
    valid: [TOKEN, LITWARE_SP],
    fields: [tokenField([LITWARE_SP]), { field: "servicePrincipalId", at: (id) => [TOKEN, id] }],
  },
  listSyncConfigurations: tokenArguments,
  getSyncConfiguration: { valid: [TOKEN, SERVICE_PRINCIPAL], fields: [tokenField([SERVICE_PRINCIPAL]), { field: "servicePrincipalId", at: (id) => [TOKEN, id] }] },
  searchUsers: { valid: [TOKEN, "meg"], fields: [tokenField(["meg"]), { field: "text", at: (text) => [TOKEN, text] }] },
  startSyncJob: {
    valid: [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT],
    fields: [...jobFields([FINGERPRINT]), { field: "expected", at: (expected) => [TOKEN, SERVICE_PRINCIPAL, JOB, expected] }],
  },
  pauseSyncJob: {
    valid: [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT],
    fields: [...jobFields([FINGERPRINT]), { field: "expected", at: (expected) => [TOKEN, SERVICE_PRINCIPAL, JOB, expected] }],
  },
  restartSyncJob: {
    valid: [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT, ["QuarantineState"]],
    fields: [
      ...jobFields([FINGERPRINT, ["QuarantineState"]]),
      { field: "expected", at: (expected) => [TOKEN, SERVICE_PRINCIPAL, JOB, expected, ["QuarantineState"]] },
      { field: "scopes[1]", at: (scope) => [TOKEN, SERVICE_PRINCIPAL, JOB, FINGERPRINT, ["QuarantineState", scope]] },
    ],
  },
  testSyncConnection: { valid: [TOKEN, SERVICE_PRINCIPAL, JOB], fields: jobFields([]) },
  provisionOnDemand: {
    valid: [TOKEN, SERVICE_PRINCIPAL, JOB, SERVICE_PRINCIPAL],
    fields: [...jobFields([SERVICE_PRINCIPAL]), { field: "userId", at: (id) => [TOKEN, SERVICE_PRINCIPAL, JOB, id] }],
  },
} satisfies Record<string, ActionArguments>;

export type ActionName = keyof typeof ACTION_ARGUMENTS;

export interface HostileValue {
  name: string;
  value: string;
}

/** What each string field is sent: a value of `length` characters, and runs of every pivot character that long. */
export function hostileValues(length: number): HostileValue[] {
  return [
    { name: `a value of ${length.toLocaleString("en-US")} characters`, value: hostileRun(RUN_SHAPES[0], "x", length) },
    ...RUN_SHAPES.flatMap((shape) =>
      PIVOTS.map((pivot) => ({ name: `${shape.shape} ${JSON.stringify(pivot)}, ${length.toLocaleString("en-US")} characters`, value: hostileRun(shape, pivot, length) })),
    ),
  ];
}
