/**
 * GET /auditLogs/provisioning[/{id}]: the provisioning log (provisioningObjectSummary)
 * of the cross-tenant sync cycles, with the documented $filter forms (eq,
 * contains, gt, lt; case-sensitive except status), $orderby=activityDateTime,
 * $top and keyset paging. The reports throttle and 30-day retention apply.
 */
import { documentedSyncError, PROVISIONING_SERVICE, SOURCE_SYSTEM, TARGET_SYSTEM, type ProvisioningRecord } from "../outbound";
import type { Store } from "../store";
import { keyOf, splitAnd, startIndex } from "./audit-logs";
import { graphError } from "./errors";
import { nextLinkAfter, type Parse, type ParsedQuery, type QueryShape } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";

export const PROVISIONING_PROPERTIES = [
  "id",
  "activityDateTime",
  "tenantId",
  "jobId",
  "cycleId",
  "changeId",
  "action",
  "provisioningAction",
  "durationInMilliseconds",
  "statusInfo",
  "provisioningStatusInfo",
  "provisioningSteps",
  "modifiedProperties",
  "servicePrincipal",
  "sourceSystem",
  "targetSystem",
  "initiatedBy",
  "sourceIdentity",
  "targetIdentity",
] as const;

/** The filterable fields of an entry, flat, as the documented $filter paths name them. */
type Fields = Record<string, string | number>;

const FILTER_PATHS: Record<string, { ops: readonly string[]; caseInsensitive?: boolean }> = {
  id: { ops: ["eq", "contains"] },
  activityDateTime: { ops: ["eq", "gt", "lt", "ge", "le"] },
  tenantId: { ops: ["eq", "contains"] },
  jobId: { ops: ["eq", "contains"] },
  changeId: { ops: ["eq", "contains"] },
  cycleId: { ops: ["eq", "contains"] },
  action: { ops: ["eq", "contains"] },
  provisioningAction: { ops: ["eq", "contains"] },
  durationInMilliseconds: { ops: ["eq", "gt", "lt"] },
  "provisioningStatusInfo/status": { ops: ["eq", "contains"], caseInsensitive: true },
  "statusInfo/status": { ops: ["eq", "contains"], caseInsensitive: true },
  "sourceSystem/displayName": { ops: ["eq", "contains"] },
  "targetSystem/displayName": { ops: ["eq", "contains"] },
  "sourceIdentity/identityType": { ops: ["eq", "contains"] },
  "targetIdentity/identityType": { ops: ["eq", "contains"] },
  "sourceIdentity/id": { ops: ["eq", "contains"] },
  "targetIdentity/id": { ops: ["eq", "contains"] },
  "sourceIdentity/displayName": { ops: ["eq", "contains"] },
  "targetIdentity/displayName": { ops: ["eq", "contains"] },
  "servicePrincipal/id": { ops: ["eq"] },
  "servicePrincipal/name": { ops: ["eq"] },
  "servicePrincipal/displayName": { ops: ["eq"] },
  "initiatedBy/displayName": { ops: ["eq", "contains"] },
};

const QUOTED = "'((?:[^']|'')*)'";
const COMPARISON = new RegExp(`^([\\w/]+)\\s+(eq|gt|lt|ge|le)\\s+(?:${QUOTED}|(\\S+))$`, "i");
const CONTAINS = new RegExp(`^contains\\(\\s*([\\w/]+)\\s*,\\s*${QUOTED}\\s*\\)$`, "i");
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

type Predicate = (fields: Fields) => boolean;

function comparisonOf(path: string, op: string, literal: string): Predicate | null {
  const spec = FILTER_PATHS[path];
  if (!spec || !spec.ops.includes(op)) return null;
  if (path === "activityDateTime") {
    const ms = DATE_TIME.test(literal) ? Date.parse(literal) : NaN;
    if (Number.isNaN(ms)) return null;
    return (f) => {
      const at = Date.parse(String(f.activityDateTime));
      return op === "eq" ? at === ms : op === "gt" ? at > ms : op === "lt" ? at < ms : op === "ge" ? at >= ms : at <= ms;
    };
  }
  if (path === "durationInMilliseconds") {
    const n = Number(literal);
    if (!/^\d+$/.test(literal)) return null;
    return (f) => (op === "eq" ? f[path] === n : op === "gt" ? Number(f[path]) > n : Number(f[path]) < n);
  }
  if (op !== "eq") return null;
  return spec.caseInsensitive ? (f) => String(f[path]).toLowerCase() === literal.toLowerCase() : (f) => f[path] === literal;
}

function parseProvisioningFilter(value: string): Parse<(item: Record<string, unknown>) => boolean> {
  const clauses = splitAnd(value.trim());
  const invalid = { ok: false as const, message: "Invalid filter clause: filter on the documented provisioningObjectSummary properties with eq, contains, gt or lt (case-sensitive except status), joined by 'and'." };
  if (!clauses || clauses.some((c) => !c)) return invalid;
  const predicates: Predicate[] = [];
  for (const clause of clauses) {
    const contains = CONTAINS.exec(clause);
    if (contains) {
      const path = FILTER_PATHS[contains[1] ?? ""] ? (contains[1] ?? "") : "";
      const spec = FILTER_PATHS[path];
      if (!spec?.ops.includes("contains")) return invalid;
      const needle = (contains[2] ?? "").replace(/''/g, "'");
      predicates.push(spec.caseInsensitive ? (f) => String(f[path]).toLowerCase().includes(needle.toLowerCase()) : (f) => String(f[path]).includes(needle));
      continue;
    }
    const comparison = COMPARISON.exec(clause);
    const literal = comparison ? (comparison[3] !== undefined ? comparison[3].replace(/''/g, "'") : (comparison[4] ?? "")) : "";
    const predicate = comparison ? comparisonOf(comparison[1] ?? "", (comparison[2] ?? "").toLowerCase(), literal) : null;
    if (!predicate) return invalid;
    predicates.push(predicate);
  }
  return { ok: true, value: (item) => predicates.every((p) => p(item as Fields)) };
}

export const PROVISIONING_SHAPE: QueryShape = {
  options: ["$filter", "$orderby", "$top", "$skiptoken"],
  typeName: "microsoft.graph.provisioningObjectSummary",
  selectable: PROVISIONING_PROPERTIES,
  filter: parseProvisioningFilter,
  orderby: (value) => {
    const match = /^\s*activityDateTime(?:\s+(asc|desc))?\s*$/i.exec(value);
    if (!match) return { ok: false, message: "Invalid $orderby expression: only activityDateTime (asc or desc) is supported." };
    return { ok: true, value: [{ property: "activityDateTime", descending: (match[1] ?? "asc").toLowerCase() === "desc" }] };
  },
  keyset: true,
};
export const PROVISIONING_ENTITY_SHAPE: QueryShape = { options: [], typeName: "microsoft.graph.provisioningObjectSummary", selectable: PROVISIONING_PROPERTIES };

const ACTION_WORD: Record<ProvisioningRecord["action"], string> = { create: "Create", update: "Update", delete: "Delete", stageddelete: "StagedDelete", disable: "Disable", other: "Other" };

function names(store: Store, record: ProvisioningRecord) {
  const user = store.outbound.user(record.userId);
  return { sp: store.outbound.configuration(record.servicePrincipalId)?.displayName ?? "", user: user?.displayName ?? "", upn: user?.userPrincipalName ?? "" };
}

function fields(store: Store, homeTenantId: string, r: ProvisioningRecord): Fields {
  const n = names(store, r);
  return {
    id: r.id,
    activityDateTime: r.activityDateTime,
    tenantId: homeTenantId,
    jobId: r.jobId,
    changeId: r.changeId,
    cycleId: r.cycleId,
    action: ACTION_WORD[r.action],
    provisioningAction: r.action,
    durationInMilliseconds: r.durationInMilliseconds,
    "provisioningStatusInfo/status": r.status,
    "statusInfo/status": r.status,
    "sourceSystem/displayName": SOURCE_SYSTEM,
    "targetSystem/displayName": TARGET_SYSTEM,
    "sourceIdentity/identityType": "User",
    "targetIdentity/identityType": "User",
    "sourceIdentity/id": r.userId,
    "targetIdentity/id": r.targetUserId ?? "",
    "sourceIdentity/displayName": n.user,
    "targetIdentity/displayName": r.targetUserId ? n.user : "",
    "servicePrincipal/id": r.servicePrincipalId,
    "servicePrincipal/name": n.sp,
    "servicePrincipal/displayName": n.sp,
    "initiatedBy/displayName": r.initiatedBy.displayName,
  };
}

function steps(r: ProvisioningRecord, upn: string, errorReason: string | null) {
  const step = (name: string, provisioningStepType: string, status: string, description: string, details: Record<string, string> = {}) => ({ name, provisioningStepType, status, description, details });
  const importStep = step("EntryImport", "import", "success", `Retrieved User '${upn}' from ${SOURCE_SYSTEM}`, { UserPrincipalName: upn });
  const scoping = step("EntrySynchronizationScoping", "scoping", "success", "Determine if User in scope by evaluating against each scoping filter", { Assigned: "True", IsActive: "True" });
  const matching = step("EntryImport", "matching", "success", r.action === "create" ? `No matching User was found in ${TARGET_SYSTEM}` : `Retrieved '${upn}' from ${TARGET_SYSTEM}`);
  const verb = r.action === "create" ? "created" : r.action === "delete" ? "deleted" : "updated";
  switch (r.action) {
    case "stageddelete":
      return [importStep, step("EntrySynchronizationScoping", "scoping", "success", `User '${upn}' is out of scope and will be deleted in ${TARGET_SYSTEM}`, { Assigned: "False" }), step("EntryExportStagedDelete", "export", "skipped", "The deletion is held: the number of deletions exceeds the accidental-deletion threshold.", { ReportableIdentifier: upn })];
    case "other":
      return [importStep, scoping, matching, step("EntrySynchronizationSkip", "processing", "skipped", errorReason ?? "No change needed.", { SkipReason: r.errorCode ?? "RedundantExport" })];
    default:
      return [
        importStep,
        r.action === "delete" ? step("EntrySynchronizationScoping", "scoping", "success", `User '${upn}' is out of scope`, { Assigned: "False" }) : scoping,
        matching,
        step(`EntrySynchronization${ACTION_WORD[r.action]}`, "processing", "success", `User '${upn}' will be ${verb} in ${TARGET_SYSTEM}`),
        step(`EntryExport${ACTION_WORD[r.action]}`, "export", r.status === "failure" ? "failure" : "success", r.status === "failure" ? `Failed to ${r.action} User '${upn}' in ${TARGET_SYSTEM}: ${errorReason ?? ""}` : `User '${upn}' was ${verb} in ${TARGET_SYSTEM}`, { ReportableIdentifier: upn }),
      ];
  }
}

export function provisioningOnWire(store: Store, homeTenantId: string, r: ProvisioningRecord): Record<string, unknown> {
  const n = names(store, r);
  const known = documentedSyncError(r.errorCode);
  const reason = known?.reason ?? (r.errorCode === "RedundantExport" ? "The state of the user in both the source and target systems already match." : r.errorCode);
  const errorInformation = r.errorCode
    ? { errorCode: r.errorCode, reason, additionalDetails: null, errorCategory: known?.category ?? null, recommendedAction: known?.fix ?? null }
    : null;
  return {
    id: r.id,
    activityDateTime: r.activityDateTime,
    tenantId: homeTenantId,
    jobId: r.jobId,
    cycleId: r.cycleId,
    changeId: r.changeId,
    action: ACTION_WORD[r.action],
    provisioningAction: r.action,
    durationInMilliseconds: r.durationInMilliseconds,
    statusInfo: errorInformation ? { "@odata.type": "#microsoft.graph.statusDetails", status: r.status, ...errorInformation } : { "@odata.type": "#microsoft.graph.statusBase", status: r.status },
    provisioningStatusInfo: { status: r.status, errorInformation },
    provisioningSteps: steps(r, n.upn, reason),
    modifiedProperties:
      r.action === "create" || r.action === "update"
        ? [
            { displayName: "displayName", oldValue: null, newValue: n.user },
            { displayName: "userPrincipalName", oldValue: null, newValue: n.upn },
            { displayName: "userType", oldValue: null, newValue: "Member" },
          ]
        : [],
    servicePrincipal: { id: r.servicePrincipalId, displayName: n.sp },
    sourceSystem: { id: homeTenantId, displayName: SOURCE_SYSTEM, details: {} },
    targetSystem: {
      id: r.targetTenantId,
      displayName: TARGET_SYSTEM,
      details: { ApplicationId: store.outbound.configuration(r.servicePrincipalId)?.appId ?? "", ServicePrincipalId: r.servicePrincipalId, ServicePrincipalDisplayName: n.sp },
    },
    initiatedBy: { id: r.initiatedBy.id, displayName: r.initiatedBy.displayName || PROVISIONING_SERVICE, initiatorType: r.initiatedBy.initiatorType },
    sourceIdentity: { id: r.userId, displayName: n.user, identityType: "User", details: { UserPrincipalName: n.upn } },
    targetIdentity: { id: r.targetUserId ?? "", displayName: r.targetUserId ? n.user : "", identityType: "User", details: {} },
  };
}

const DEFAULT_PAGE = 100;

export function listProvisioning({ request, query, store, tenants }: OpInput): GraphResponse {
  const logs = store.outbound.state.logs;
  const descending = (query.orderby as ParsedQuery["orderby"])[0]?.descending ?? true;
  const ordered = descending ? [...logs].reverse() : logs;
  const size = query.top ?? DEFAULT_PAGE;
  const page: ProvisioningRecord[] = [];
  let more = false;
  for (let i = startIndex(ordered, query.after, descending); i < ordered.length; i++) {
    const record = ordered[i] as ProvisioningRecord;
    if (query.filter && !query.filter(fields(store, tenants.homeTenantId, record))) continue;
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(record);
  }
  const body: Record<string, unknown> = { "@odata.context": contextUrl(request, "auditLogs/provisioning") };
  const last = page[page.length - 1];
  if (more && last) body["@odata.nextLink"] = nextLinkAfter(request.baseUrl, `/${request.version}${request.path}`, query, keyOf(last));
  body.value = page.map((r) => provisioningOnWire(store, tenants.homeTenantId, r));
  return { status: 200, headers: {}, body };
}

export function getProvisioning({ request, id, store, tenants }: OpInput): GraphResponse {
  const record = store.outbound.state.logs.find((r) => r.id === id);
  if (!record) return graphError(request, 404, "Request_ResourceNotFound", "The provisioning log entry was not found.");
  return { status: 200, headers: {}, body: { "@odata.context": contextUrl(request, "auditLogs/provisioning/$entity"), ...provisioningOnWire(store, tenants.homeTenantId, record) } };
}
