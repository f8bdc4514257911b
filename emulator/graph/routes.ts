/**
 * The Graph route table: maps a version-relative path to the operations each
 * HTTP method may run there. Segments match case-insensitively, as Graph's do.
 */
import { isGuid } from "../guid";
import type { Access } from "./auth";
import { badRequest, notFoundSegment } from "./errors";
import {
  deletedCollectionShape,
  deletedEntityShape,
  getDeleted,
  listDeleted,
  purgeDeleted,
  restorePartner,
  restoreSyncPolicy,
  type DeletedKind,
} from "./deleted-items";
import type { ParsedQuery } from "./odata";
import {
  createPartner,
  deletePartner,
  getPartner,
  listPartners,
  PARTNER_COLLECTION_SHAPE,
  PARTNER_ENTITY_SHAPE,
  patchPartner,
} from "./partners";
import { accessPolicyBody, defaultPolicyBody, partnerCreateBody, partnerPatchBody, syncPolicyBody } from "./bodies";
import { DEFAULT_POLICY_SHAPE, getAccessPolicy, getDefaultPolicy, patchAccessPolicy, patchDefaultPolicy, POLICY_SHAPE, resetDefaultPolicy } from "./access-policy";
import { findByDomainName, findByTenantId, isDomainName, TENANT_INFORMATION_SHAPE } from "./tenant-information";
import { DIRECTORY_AUDIT_ENTITY_SHAPE, DIRECTORY_AUDITS_SHAPE, getDirectoryAudit, listDirectoryAudits } from "./audit-logs";
import {
  deleteSyncPolicy,
  getSyncPolicy,
  patchSyncPolicy,
  putSyncPolicy,
  SYNC_ENTITY_SHAPE,
} from "./sync-policies";
import type { GraphRequest, GraphResponse, Operation } from "./types";
import {
  APP_ROLE_ASSIGNMENTS_SHAPE,
  getJob,
  getSchema,
  getSecrets,
  getServicePrincipal,
  listAppRoleAssignedTo,
  listJobs,
  listServicePrincipals,
  noParameters,
  pauseJob,
  provisionOnDemand,
  provisionOnDemandBody,
  putSecrets,
  restartBody,
  restartJob,
  secretsBody,
  SERVICE_PRINCIPAL_SHAPE,
  SERVICE_PRINCIPALS_SHAPE,
  startJob,
  validateCollectionCredentials,
  validateCredentialsBody,
  validateJobCredentials,
} from "./sync-jobs";
import { getUser, listUsers, requireEventual, USER_SHAPE, USERS_SHAPE } from "./users";
import { getProvisioning, listProvisioning, PROVISIONING_ENTITY_SHAPE, PROVISIONING_SHAPE } from "./provisioning-logs";

type Methods = Partial<Record<string, Operation>>;

export type Resolved = { ok: true; methods: Methods; id: string } | { ok: false; response: GraphResponse };

const fixed = (access: Access) => () => access;
// Listing or reading partners with identitySynchronization expanded reads sync settings too.
const partnerRead = (query: ParsedQuery): Access => (query.expand ? "read" : "read-partners");

const partnerCollection: Methods = {
  GET: { access: partnerRead, shape: PARTNER_COLLECTION_SHAPE, run: listPartners },
  POST: { access: fixed("write-partners"), shape: null, body: partnerCreateBody, run: createPartner },
};

const partnerEntity: Methods = {
  GET: { access: partnerRead, shape: PARTNER_ENTITY_SHAPE, run: getPartner },
  PATCH: { access: fixed("write-partners"), shape: null, body: partnerPatchBody, run: patchPartner },
  DELETE: { access: fixed("write-partners"), shape: null, run: deletePartner },
};

const syncPolicy: Methods = {
  GET: { access: fixed("read"), shape: SYNC_ENTITY_SHAPE, run: getSyncPolicy },
  PUT: { access: fixed("write"), shape: null, body: syncPolicyBody, run: putSyncPolicy },
  PATCH: { access: fixed("write"), shape: null, body: syncPolicyBody, run: patchSyncPolicy },
  DELETE: { access: fixed("write"), shape: null, run: deleteSyncPolicy },
};

const restoreSync: Methods = { POST: { access: fixed("write"), shape: null, run: restoreSyncPolicy } };

function deletedCollectionMethods(kind: DeletedKind): Methods {
  return { GET: { access: fixed(kind === "partners" ? "read-partners" : "read"), shape: deletedCollectionShape(kind), run: (i) => listDeleted(i, kind) } };
}

function deletedEntityMethods(kind: DeletedKind): Methods {
  return {
    GET: { access: fixed(kind === "partners" ? "read-partners" : "read"), shape: deletedEntityShape(kind), run: (i) => getDeleted(i, kind) },
    DELETE: { access: fixed(kind === "partners" ? "write-partners" : "write"), shape: null, run: (i) => purgeDeleted(i, kind) },
  };
}

const deletedCollection: Record<DeletedKind, Methods> = {
  syncPolicies: deletedCollectionMethods("syncPolicies"),
  partners: deletedCollectionMethods("partners"),
};

const deletedEntity: Record<DeletedKind, Methods> = {
  syncPolicies: deletedEntityMethods("syncPolicies"),
  partners: deletedEntityMethods("partners"),
};

const deletedRestore: Record<DeletedKind, Methods> = {
  syncPolicies: restoreSync,
  partners: { POST: { access: fixed("write-partners"), shape: null, run: restorePartner } },
};

const accessPolicy: Methods = {
  GET: { access: fixed("read-partners"), shape: POLICY_SHAPE, run: getAccessPolicy },
  PATCH: { access: fixed("write-partners"), shape: null, body: accessPolicyBody, run: patchAccessPolicy },
};

const defaultPolicy: Methods = {
  GET: { access: fixed("read-partners"), shape: DEFAULT_POLICY_SHAPE, run: getDefaultPolicy },
  PATCH: { access: fixed("write-partners"), shape: null, body: defaultPolicyBody, run: patchDefaultPolicy },
};

const resetDefault: Methods = { POST: { access: fixed("write-partners"), shape: null, run: resetDefaultPolicy } };

const tenantByIdMethods: Methods = { GET: { access: fixed("tenant-information"), shape: TENANT_INFORMATION_SHAPE, run: findByTenantId } };
const tenantByDomainMethods: Methods = { GET: { access: fixed("tenant-information"), shape: TENANT_INFORMATION_SHAPE, run: findByDomainName } };

const directoryAudits: Methods = {
  GET: { access: fixed("read-audit"), shape: DIRECTORY_AUDITS_SHAPE, run: listDirectoryAudits, reportsThrottled: true },
};
const directoryAudit: Methods = {
  GET: { access: fixed("read-audit"), shape: DIRECTORY_AUDIT_ENTITY_SHAPE, run: getDirectoryAudit, reportsThrottled: true },
};

const provisioningLogs: Methods = { GET: { access: fixed("read-provisioning"), shape: PROVISIONING_SHAPE, run: listProvisioning, reportsThrottled: true } };
const provisioningLog: Methods = { GET: { access: fixed("read-provisioning"), shape: PROVISIONING_ENTITY_SHAPE, run: getProvisioning, reportsThrottled: true } };

const servicePrincipals: Methods = { GET: { access: fixed("read-applications"), shape: SERVICE_PRINCIPALS_SHAPE, run: listServicePrincipals } };
const servicePrincipal: Methods = { GET: { access: fixed("read-applications"), shape: SERVICE_PRINCIPAL_SHAPE, run: getServicePrincipal } };
const appRoleAssignedTo: Methods = { GET: { access: fixed("read-applications"), shape: APP_ROLE_ASSIGNMENTS_SHAPE, run: listAppRoleAssignedTo } };
const secrets: Methods = {
  GET: { access: fixed("read-sync"), shape: null, run: getSecrets },
  PUT: { access: fixed("write-sync"), shape: null, body: secretsBody, run: putSecrets },
};
const jobs: Methods = { GET: { access: fixed("read-sync"), shape: null, run: listJobs } };
const job: Methods = { GET: { access: fixed("read-sync"), shape: null, run: getJob } };
const jobsValidate: Methods = { POST: { access: fixed("write-sync"), shape: null, body: validateCredentialsBody, run: validateCollectionCredentials } };
const JOB_ACTIONS: Record<string, Methods> = {
  start: { POST: { access: fixed("write-sync"), shape: null, body: noParameters, run: startJob } },
  pause: { POST: { access: fixed("write-sync"), shape: null, body: noParameters, run: pauseJob } },
  restart: { POST: { access: fixed("write-sync"), shape: null, body: restartBody, run: restartJob } },
  validatecredentials: { POST: { access: fixed("write-sync"), shape: null, body: validateCredentialsBody, run: validateJobCredentials } },
  provisionondemand: { POST: { access: fixed("write-sync"), shape: null, body: provisionOnDemandBody, run: provisionOnDemand, throttle: "onDemand" } },
  schema: { GET: { access: fixed("read-sync"), shape: null, run: getSchema } },
};

const users: Methods = { GET: { access: fixed("read-users"), shape: USERS_SHAPE, run: listUsers, check: requireEventual } };
const user: Methods = { GET: { access: fixed("read-users"), shape: USER_SHAPE, run: getUser } };

const actionName = (segment: string) => segment.replace(/^microsoft\.graph\./, "");

/** /servicePrincipals/{id}[/appRoleAssignedTo | /synchronization/secrets | /synchronization/jobs[/{jobId}[/{action}]]] */
function resolveServicePrincipal(request: GraphRequest, raw: string[], seg: string[], fail: (index: number) => Resolved): Resolved {
  if (seg.length === 1) return { ok: true, methods: servicePrincipals, id: "" };
  const id = raw[1] ?? "";
  if (!isGuid(id)) return { ok: false, response: badRequest(request, "Invalid object identifier: a service principal id is a GUID.") };
  const spId = id.toLowerCase();
  if (seg.length === 2) return { ok: true, methods: servicePrincipal, id: spId };
  if (seg[2] === "approleassignedto") return seg.length === 3 ? { ok: true, methods: appRoleAssignedTo, id: spId } : fail(3);
  if (seg[2] !== "synchronization") return fail(2);
  if (seg[3] === "secrets") return seg.length === 4 ? { ok: true, methods: secrets, id: spId } : fail(4);
  if (seg[3] !== "jobs") return fail(3);
  if (seg.length === 4) return { ok: true, methods: jobs, id: spId };
  if (seg.length === 5 && actionName(seg[4] ?? "") === "validatecredentials") return { ok: true, methods: jobsValidate, id: spId };
  const jobId = `${spId}/${raw[4] ?? ""}`;
  if (seg.length === 5) return { ok: true, methods: job, id: jobId };
  const action = JOB_ACTIONS[actionName(seg[5] ?? "")];
  if (seg.length === 6 && action) return { ok: true, methods: action, id: jobId };
  return fail(5);
}

const TENANT_FUNCTION = /^(?:microsoft\.graph\.)?(findTenantInformationByTenantId|findTenantInformationByDomainName)\((.*)\)$/i;
const FUNCTION_ARGUMENT = /^\s*(\w+)\s*=\s*'((?:[^']|'')*)'\s*$/;

/** findTenantInformationBy…(name='value'): a malformed call or value is 400 before any permission check. */
function resolveTenantFunction(request: GraphRequest, segment: string): Resolved {
  const call = TENANT_FUNCTION.exec(segment);
  if (!call) return { ok: false, response: notFoundSegment(request, segment) };
  const byDomain = (call[1] ?? "").toLowerCase() === "findtenantinformationbydomainname";
  const parameter = byDomain ? "domainName" : "tenantId";
  const argument = FUNCTION_ARGUMENT.exec(call[2] ?? "");
  if (!argument || (argument[1] ?? "").toLowerCase() !== parameter.toLowerCase()) {
    return { ok: false, response: badRequest(request, `The function '${call[1]}' takes one parameter, '${parameter}', as ${parameter}='value'.`) };
  }
  const value = (argument[2] ?? "").replace(/''/g, "'").trim();
  if (byDomain) {
    if (!isDomainName(value)) return { ok: false, response: badRequest(request, `Invalid domain name '${value}'.`) };
    return { ok: true, methods: tenantByDomainMethods, id: value.toLowerCase() };
  }
  if (!isGuid(value)) return { ok: false, response: badRequest(request, `Invalid tenant id '${value}': expected a GUID.`) };
  return { ok: true, methods: tenantByIdMethods, id: value.toLowerCase() };
}

const DELETED_KINDS: Record<string, DeletedKind> = {
  crosstenantsyncpolicypartners: "syncPolicies",
  crosstenantpartners: "partners",
};

const isRestore = (segment: string) => segment === "restore" || segment === "microsoft.graph.restore";
const isResetToSystemDefault = (segment: string) => segment === "resettosystemdefault" || segment === "microsoft.graph.resettosystemdefault";

export function resolveRoute(request: GraphRequest): Resolved {
  const raw = request.path.split("/").filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const seg = raw.map((s) => s.toLowerCase());
  const fail = (index: number): Resolved => ({ ok: false, response: notFoundSegment(request, raw[index] ?? "") });
  const withId = (index: number, methods: Methods): Resolved => {
    const id = raw[index] ?? "";
    if (!isGuid(id)) return { ok: false, response: badRequest(request, `Invalid object identifier '${id}'.`) };
    return { ok: true, methods, id: id.toLowerCase() };
  };

  if (seg[0] === "serviceprincipals") return resolveServicePrincipal(request, raw, seg, fail);
  if (seg[0] === "users") {
    if (seg.length === 1) return { ok: true, methods: users, id: "" };
    return seg.length === 2 ? { ok: true, methods: user, id: raw[1] ?? "" } : fail(2);
  }
  if (seg[0] === "auditlogs" && seg[1] === "provisioning") {
    if (seg.length === 2) return { ok: true, methods: provisioningLogs, id: "" };
    return seg.length === 3 ? { ok: true, methods: provisioningLog, id: raw[2] ?? "" } : fail(3);
  }
  if (seg[0] === "auditlogs") {
    if (seg[1] !== "directoryaudits") return fail(1);
    if (seg.length === 2) return { ok: true, methods: directoryAudits, id: "" };
    if (seg.length === 3) return { ok: true, methods: directoryAudit, id: raw[2] ?? "" };
    return fail(3);
  }

  if (seg[0] === "tenantrelationships") {
    if (seg.length !== 2) return fail(seg.length < 2 ? 0 : 2);
    return resolveTenantFunction(request, raw[1] ?? "");
  }

  if (seg[0] !== "policies") return fail(0);
  if (seg.length < 2) return fail(0);

  if (seg[1] === "crosstenantaccesspolicy") {
    if (seg.length === 2) return { ok: true, methods: accessPolicy, id: "" };
    if (seg[2] === "default") {
      if (seg.length === 3) return { ok: true, methods: defaultPolicy, id: "" };
      if (seg.length === 4 && isResetToSystemDefault(seg[3] ?? "")) return { ok: true, methods: resetDefault, id: "" };
      return fail(3);
    }
    if (seg[2] !== "partners") return fail(2);
    if (seg.length === 3) return { ok: true, methods: partnerCollection, id: "" };
    if (seg.length === 4) return withId(3, partnerEntity);
    if (seg[4] !== "identitysynchronization") return fail(4);
    if (seg.length === 5) return withId(3, syncPolicy);
    if (seg.length === 6 && isRestore(seg[5] ?? "")) {
      return request.version === "beta" ? withId(3, restoreSync) : fail(5);
    }
    return fail(5);
  }

  if (seg[1] === "deleteditems") {
    if (request.version !== "beta") return fail(1);
    const kind = DELETED_KINDS[seg[2] ?? ""];
    if (!kind) return fail(2);
    if (seg.length === 3) return { ok: true, methods: deletedCollection[kind], id: "" };
    if (seg.length === 4) return withId(3, deletedEntity[kind]);
    if (seg.length === 5 && isRestore(seg[4] ?? "")) return withId(3, deletedRestore[kind]);
    return fail(4);
  }

  return fail(1);
}
