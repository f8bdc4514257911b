/**
 * Cross-tenant sync configurations as Graph serves them: service principals
 * (from the cross-tenant sync template, plus the tenant's two app
 * registrations), their appRoleAssignedTo (who is in scope),
 * synchronization/secrets, and synchronization/jobs with start, pause,
 * restart, validateCredentials, provisionOnDemand and schema.
 */
import { AUTOMATION_CLIENT_ID, AUTOMATION_CLIENT_NAME, AUTOMATION_SERVICE_PRINCIPAL_ID, DEFAULT_TENANT_ID, SPA_CLIENT_ID, SPA_CLIENT_NAME } from "../entra/directory";
import { deterministicGuid, isGuid } from "../guid";
import {
  companyId,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  READABLE_SECRETS,
  RESET_SCOPES,
  SOURCE_SYSTEM,
  SYNC_JOB_TEMPLATE_ID,
  SYNC_USER_ROLE_ID,
  TARGET_SYSTEM,
  USER_INBOUND_USER_RULE_ID,
  type ResetScope,
  type SyncConfiguration,
  type SyncJobRecord,
} from "../outbound";
import type { Store } from "../store";
import { isPlainObject } from "./bodies";
import { badRequest, graphError } from "./errors";
import { contextProjection, nextLink, pageSlice, pick, type Parse, type QueryShape } from "./odata";
import { contextUrl, type GraphRequest, type GraphResponse, type OpInput } from "./types";

export const SERVICE_PRINCIPAL_TYPE = "microsoft.graph.servicePrincipal";
export const SERVICE_PRINCIPAL_PROPERTIES = [
  "id",
  "deletedDateTime",
  "accountEnabled",
  "addIns",
  "appDisplayName",
  "appId",
  "applicationTemplateId",
  "appOwnerOrganizationId",
  "appRoleAssignmentRequired",
  "appRoles",
  "description",
  "displayName",
  "homepage",
  "loginUrl",
  "logoutUrl",
  "notes",
  "preferredSingleSignOnMode",
  "publisherName",
  "replyUrls",
  "servicePrincipalNames",
  "servicePrincipalType",
  "signInAudience",
  "tags",
] as const;

export const SERVICE_PRINCIPALS_SHAPE: QueryShape = { options: ["$select", "$filter", "$top", "$skiptoken"], typeName: SERVICE_PRINCIPAL_TYPE, selectable: SERVICE_PRINCIPAL_PROPERTIES };
export const SERVICE_PRINCIPAL_SHAPE: QueryShape = { options: ["$select"], typeName: SERVICE_PRINCIPAL_TYPE, selectable: SERVICE_PRINCIPAL_PROPERTIES };

const APP_ROLE_ASSIGNMENT_PROPERTIES = ["id", "deletedDateTime", "appRoleId", "createdDateTime", "creationTimestamp", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId"] as const;
export const APP_ROLE_ASSIGNMENTS_SHAPE: QueryShape = {
  options: ["$select", "$filter", "$top", "$skiptoken"],
  typeName: "microsoft.graph.appRoleAssignment",
  selectable: APP_ROLE_ASSIGNMENT_PROPERTIES,
};

const userRole = {
  allowedMemberTypes: ["User"],
  description: "User",
  displayName: "User",
  id: SYNC_USER_ROLE_ID,
  isEnabled: true,
  origin: "Application",
  value: null,
};

type Wire = Record<string, unknown>;

function servicePrincipal(id: string, appId: string, displayName: string, templateId: string | null, tags: string[]): Wire {
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    addIns: [],
    appDisplayName: displayName,
    appId,
    applicationTemplateId: templateId,
    appOwnerOrganizationId: DEFAULT_TENANT_ID,
    appRoleAssignmentRequired: templateId !== null,
    appRoles: templateId !== null ? [userRole] : [],
    description: null,
    displayName,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    preferredSingleSignOnMode: null,
    publisherName: "Contoso",
    replyUrls: [],
    servicePrincipalNames: [appId],
    servicePrincipalType: "Application",
    signInAudience: "AzureADMyOrg",
    tags,
  };
}

const OWN_APPS: readonly Wire[] = [
  servicePrincipal(AUTOMATION_SERVICE_PRINCIPAL_ID, AUTOMATION_CLIENT_ID, AUTOMATION_CLIENT_NAME, null, ["WindowsAzureActiveDirectoryIntegratedApp"]),
  servicePrincipal(deterministicGuid("emulator-spa-service-principal"), SPA_CLIENT_ID, SPA_CLIENT_NAME, null, ["WindowsAzureActiveDirectoryIntegratedApp"]),
];

const configurationWire = (config: SyncConfiguration): Wire =>
  servicePrincipal(config.id, config.appId, config.displayName, CROSS_TENANT_SYNC_TEMPLATE_ID, ["WindowsAzureActiveDirectoryIntegratedApp", "WindowsAzureActiveDirectoryCustomSingleSignOnApplication"]);

function allServicePrincipals(store: Store): Wire[] {
  return [...OWN_APPS, ...store.outbound.state.configurations.map(configurationWire)];
}

function collection(request: GraphRequest, fragment: string, query: OpInput["query"], items: Wire[], properties: readonly string[]): GraphResponse {
  const filtered = query.filter ? items.filter(query.filter) : items;
  const { page, nextOffset } = pageSlice(filtered, query);
  const body: Wire = { "@odata.context": contextUrl(request, `${fragment}${contextProjection(query)}`) };
  if (nextOffset !== null) body["@odata.nextLink"] = nextLink(request.baseUrl, `/${request.version}${request.path}`, query, nextOffset);
  body.value = page.map((item) => pick(item, properties as (keyof Wire & string)[], query.select));
  return { status: 200, headers: {}, body };
}

export function listServicePrincipals({ request, query, store }: OpInput): GraphResponse {
  return collection(request, "servicePrincipals", query, allServicePrincipals(store), SERVICE_PRINCIPAL_PROPERTIES);
}

const spNotFound = (request: GraphRequest, _id: string) =>
  graphError(request, 404, "Request_ResourceNotFound", "The service principal does not exist or one of its queried reference-property objects are not present.");

export function getServicePrincipal({ request, query, id, store }: OpInput): GraphResponse {
  const sp = allServicePrincipals(store).find((s) => s.id === id);
  if (!sp) return spNotFound(request, id);
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, `servicePrincipals${contextProjection(query)}/$entity`), ...pick(sp, SERVICE_PRINCIPAL_PROPERTIES as unknown as string[], query.select) },
  };
}

export function listAppRoleAssignedTo({ request, query, id, store }: OpInput): GraphResponse {
  const config = store.outbound.configuration(id);
  if (!config && !OWN_APPS.some((s) => s.id === id)) return spNotFound(request, id);
  const items: Wire[] = (config?.assignments ?? []).map((a) => ({
    id: a.id,
    deletedDateTime: null,
    appRoleId: SYNC_USER_ROLE_ID,
    // beta names the time creationTimestamp, v1.0 createdDateTime.
    ...(request.version === "beta" ? { creationTimestamp: a.createdDateTime } : { createdDateTime: a.createdDateTime }),
    principalDisplayName: store.outbound.user(a.principalId)?.displayName ?? null,
    principalId: a.principalId,
    principalType: "User",
    resourceDisplayName: config?.displayName ?? null,
    resourceId: id,
  }));
  const properties = APP_ROLE_ASSIGNMENT_PROPERTIES.filter((p) => p !== (request.version === "beta" ? "createdDateTime" : "creationTimestamp"));
  return collection(request, `servicePrincipals('${id}')/appRoleAssignedTo`, query, items, properties);
}

/** Synchronization lives on cross-tenant sync configurations only. */
function configurationOr404(request: GraphRequest, store: Store, spId: string): SyncConfiguration | GraphResponse {
  const config = store.outbound.configuration(spId);
  if (config) return config;
  if (OWN_APPS.some((s) => s.id === spId)) return graphError(request, 404, "Request_ResourceNotFound", "Synchronization is not configured for this service principal.");
  return spNotFound(request, spId);
}

const isResponse = (value: SyncConfiguration | GraphResponse): value is GraphResponse => "status" in value;

export function getSecrets({ request, id, store }: OpInput): GraphResponse {
  const config = configurationOr404(request, store, id);
  if (isResponse(config)) return config;
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(request, `servicePrincipals('${id}')/synchronization/secrets`),
      value: config.secrets.map((s) => ({ key: s.key, value: READABLE_SECRETS.includes(s.key) ? s.value : "*" })),
    },
  };
}

function keyValues(value: unknown, name: string): Parse<{ key: string; value: string }[]> {
  if (!Array.isArray(value)) return { ok: false, message: `'${name}' must be an array of { key, value } pairs.` };
  const out: { key: string; value: string }[] = [];
  for (const item of value) {
    if (!isPlainObject(item) || typeof item.key !== "string" || !item.key || typeof item.value !== "string") {
      return { ok: false, message: `Every item of '${name}' must be { "key": string, "value": string }.` };
    }
    out.push({ key: item.key, value: item.value });
  }
  const target = out.find((s) => s.key === "CompanyId")?.value;
  if (target !== undefined && !isGuid(target)) return { ok: false, message: "The CompanyId secret must be a tenant id (GUID)." };
  return { ok: true, value: out };
}

export function secretsBody(body: unknown): Parse<Record<string, unknown>> {
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object with 'value'." };
  const parsed = keyValues(body.value, "value");
  return parsed.ok ? { ok: true, value: { value: parsed.value } } : parsed;
}

/** PUT replaces the whole set, as the reference says (no PATCH). */
export function putSecrets({ request, id, body, store }: OpInput): GraphResponse {
  const config = configurationOr404(request, store, id);
  if (isResponse(config)) return config;
  config.secrets = (body.value as { key: string; value: string }[]).map((s) => (s.key === "CompanyId" ? { ...s, value: s.value.toLowerCase() } : s));
  store.changed();
  return { status: 204, headers: {} };
}

export const JOB_TYPE = "microsoft.graph.synchronizationJob";
export const JOB_PROPERTIES = ["id", "templateId", "schedule", "status", "synchronizationJobSettings"] as const;

export const jobOnWire = (job: SyncJobRecord): Wire => ({
  id: job.id,
  templateId: job.templateId,
  schedule: job.schedule,
  status: job.status,
  synchronizationJobSettings: job.synchronizationJobSettings,
});

/** Route ids of jobs are "{servicePrincipalId}/{jobId}". */
function jobOr404(request: GraphRequest, store: Store, routeId: string): { config: SyncConfiguration; job: SyncJobRecord } | GraphResponse {
  const [spId = "", jobId = ""] = routeId.split("/");
  const config = configurationOr404(request, store, spId);
  if (isResponse(config)) return config;
  if (!config.job || config.job.id.toLowerCase() !== jobId.toLowerCase()) {
    return graphError(request, 404, "Request_ResourceNotFound", "The synchronization job was not found on this service principal.");
  }
  return { config, job: config.job };
}

export function listJobs({ request, id, store }: OpInput): GraphResponse {
  const config = configurationOr404(request, store, id);
  if (isResponse(config)) return config;
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, `servicePrincipals('${id}')/synchronization/jobs`), value: config.job ? [jobOnWire(config.job)] : [] },
  };
}

export function getJob({ request, id, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  const [spId] = id.split("/");
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, `servicePrincipals('${spId}')/synchronization/jobs/$entity`), ...jobOnWire(found.job) },
  };
}

/** start and pause take no parameters; an empty object is accepted. */
export function noParameters(body: unknown): Parse<Record<string, unknown>> {
  if (body === undefined || (isPlainObject(body) && Object.keys(body).length === 0)) return { ok: true, value: {} };
  return { ok: false, message: "This action takes no parameters." };
}

/** The portal's Restart (no criteria): re-evaluate everyone, drop queued failures, lift quarantine. */
const DEFAULT_RESTART: readonly ResetScope[] = ["Watermark", "Escrows", "QuarantineState"];

export function restartBody(body: unknown): Parse<Record<string, unknown>> {
  if (body === undefined) return { ok: true, value: { scopes: DEFAULT_RESTART } };
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  const criteria = body.criteria;
  if (criteria === undefined || criteria === null) return { ok: true, value: { scopes: DEFAULT_RESTART } };
  if (!isPlainObject(criteria)) return { ok: false, message: "'criteria' must be a synchronizationJobRestartCriteria object." };
  const raw = criteria.resetScope;
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: { scopes: DEFAULT_RESTART } };
  if (typeof raw !== "string") return { ok: false, message: "'resetScope' must be a comma-separated list of flags." };
  const scopes: ResetScope[] = [];
  for (const part of raw.split(",")) {
    const flag = RESET_SCOPES.find((s) => s.toLowerCase() === part.trim().toLowerCase());
    if (!flag) return { ok: false, message: `Invalid resetScope: use ${RESET_SCOPES.join(", ")}, comma-separated.` };
    if (!scopes.includes(flag)) scopes.push(flag);
  }
  return { ok: true, value: { scopes } };
}

export function startJob({ request, id, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  store.outbound.start(found.config);
  store.changed();
  return { status: 204, headers: {} };
}

export function pauseJob({ request, id, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  store.outbound.pause(found.config);
  store.changed();
  return { status: 204, headers: {} };
}

export function restartJob({ request, id, body, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  store.outbound.restart(found.config, body.scopes as ResetScope[]);
  store.changed();
  return { status: 204, headers: {} };
}

export function validateCredentialsBody(body: unknown): Parse<Record<string, unknown>> {
  if (!isPlainObject(body)) return { ok: false, message: "The request body must be a JSON object." };
  if (body.useSavedCredentials !== undefined && typeof body.useSavedCredentials !== "boolean") return { ok: false, message: "'useSavedCredentials' must be a boolean." };
  if (body.templateId !== undefined && body.templateId !== null && typeof body.templateId !== "string") return { ok: false, message: "'templateId' must be a string." };
  let credentials: { key: string; value: string }[] | null = null;
  if (body.credentials !== undefined && body.credentials !== null) {
    const parsed = keyValues(body.credentials, "credentials");
    if (!parsed.ok) return parsed;
    credentials = parsed.value;
  }
  return { ok: true, value: { useSaved: body.useSavedCredentials === true, credentials } };
}

/** Test connection: 204, or 400 with the documented code (the failure's shape is undocumented: README). */
function validate(request: GraphRequest, store: Store, saved: SyncConfiguration | null, body: Record<string, unknown>): GraphResponse {
  const credentials = body.credentials as { key: string; value: string }[] | null;
  // Credentials given replace the saved ones key by key; useSavedCredentials ignores them.
  const given = body.useSaved ? undefined : credentials?.find((c) => c.key === "CompanyId")?.value.toLowerCase();
  const target = given ?? (saved ? companyId(saved) : null);
  const error = store.outbound.connectionError(target);
  if (!error) return { status: 204, headers: {} };
  return graphError(request, 400, error.code, error.message);
}

export function validateJobCredentials({ request, id, body, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  return validate(request, store, found.config, body);
}

/** POST .../jobs/validateCredentials: before a job exists (the portal's Test connection on a new configuration). */
export function validateCollectionCredentials({ request, id, body, store }: OpInput): GraphResponse {
  const config = configurationOr404(request, store, id);
  if (isResponse(config)) return config;
  if (typeof body.templateId === "string" && body.templateId !== SYNC_JOB_TEMPLATE_ID) return badRequest(request, `Unknown templateId: this configuration's template is ${SYNC_JOB_TEMPLATE_ID}.`);
  return validate(request, store, config, body);
}

export function provisionOnDemandBody(body: unknown): Parse<Record<string, unknown>> {
  if (!isPlainObject(body) || !Array.isArray(body.parameters) || body.parameters.length !== 1) {
    return { ok: false, message: "'parameters' must hold one synchronizationJobApplicationParameters object." };
  }
  const parameter = body.parameters[0] as unknown;
  if (!isPlainObject(parameter) || typeof parameter.ruleId !== "string") return { ok: false, message: "'ruleId' is required: the id of the schema's USER_INBOUND_USER rule." };
  if (parameter.ruleId.toLowerCase() !== USER_INBOUND_USER_RULE_ID) return { ok: false, message: "Unknown ruleId: use the id of the schema's USER_INBOUND_USER rule." };
  const subjects = parameter.subjects;
  if (!Array.isArray(subjects) || subjects.length !== 1) return { ok: false, message: "'subjects' must hold one subject." };
  const subject = subjects[0] as unknown;
  if (!isPlainObject(subject) || typeof subject.objectId !== "string" || typeof subject.objectTypeName !== "string") {
    return { ok: false, message: "A subject needs 'objectId' and 'objectTypeName'." };
  }
  if (subject.objectTypeName.toLowerCase() !== "user") return { ok: false, message: "EntityTypeNotSupported: cross-tenant synchronization provisions users; groups only define the scope." };
  if (!isGuid(subject.objectId)) return { ok: false, message: "'objectId' must be a user's object id (GUID)." };
  return { ok: true, value: { userId: subject.objectId.toLowerCase() } };
}

export function provisionOnDemand({ request, id, body, store, principal }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  const initiatedBy = principal.kind === "user"
    ? { id: principal.oid, displayName: principal.displayName, initiatorType: "user" as const }
    : { id: principal.appId, displayName: principal.displayName, initiatorType: "application" as const };
  const answer = store.outbound.provisionOnDemand(found.config, body.userId as string, initiatedBy);
  store.changed();
  return { status: 200, headers: {}, body: { "@odata.context": contextUrl(request, "microsoft.graph.stringKeyStringValuePair"), ...answer } };
}

const attribute = (name: string, type = "String") => ({ name, type, anchor: name === "objectId", caseExact: false, flowNullValues: false, multivalued: false, mutability: "ReadWrite", required: false, metadata: [], apiExpressions: [], referencedObjects: [] });
const USER_ATTRIBUTES = ["objectId", "accountEnabled", "displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle", "department"].map((n) => attribute(n, n === "accountEnabled" ? "Boolean" : "String"));
const mapping = (source: string) => ({
  defaultValue: "",
  exportMissingReferences: false,
  flowBehavior: "FlowWhenChanged",
  flowType: "Always",
  matchingPriority: source === "objectId" ? 1 : 0,
  source: { expression: `[${source}]`, name: source, type: "Attribute", parameters: [] },
  targetAttributeName: source,
});

/** GET .../jobs/{id}/schema: the Azure2Azure template's one user rule, USER_INBOUND_USER. */
export function getSchema({ request, id, store }: OpInput): GraphResponse {
  const found = jobOr404(request, store, id);
  if ("status" in found) return found;
  const [spId] = id.split("/");
  const object = { name: "User", attributes: USER_ATTRIBUTES, metadata: [], supportedApis: [] };
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(request, `servicePrincipals('${spId}')/synchronization/jobs('${found.job.id}')/schema/$entity`),
      id: found.job.id,
      version: "Date:2024-01-01T00:00:00Z;",
      directories: [
        { id: "AzureActiveDirectory", name: SOURCE_SYSTEM, discoverabilities: "None", discoveryDateTime: null, readOnly: true, version: null, objects: [object] },
        { id: "AzureActiveDirectoryTargetTenant", name: TARGET_SYSTEM, discoverabilities: "None", discoveryDateTime: null, readOnly: false, version: null, objects: [object] },
      ],
      synchronizationRules: [
        {
          id: USER_INBOUND_USER_RULE_ID,
          name: "USER_INBOUND_USER",
          editable: true,
          priority: 1,
          sourceDirectoryName: SOURCE_SYSTEM,
          targetDirectoryName: TARGET_SYSTEM,
          containerFilter: { includedContainers: [] },
          groupFilter: { includedGroups: [] },
          metadata: [],
          objectMappings: [
            {
              enabled: true,
              flowTypes: "Add, Update, Delete",
              metadata: [],
              name: "Provision Microsoft Entra ID Users",
              scope: null,
              sourceObjectName: "User",
              targetObjectName: "User",
              attributeMappings: ["objectId", "accountEnabled", "displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle", "department"].map((n) => mapping(n)),
            },
          ],
        },
      ],
    },
  };
}
