/**
 * The cross-tenant access policy itself (/policies/crossTenantAccessPolicy):
 * read, PATCH; and its default configuration (/default): read, PATCH,
 * resetToSystemDefault.
 */
import { ACCESS_POLICY_PROPERTIES, ACCESS_POLICY_TYPE, DEFAULT_POLICY_PROPERTIES, serviceDefaultPolicy, type AccessPolicyRecord, type DefaultPolicyRecord } from "../model";
import { pick, type QueryShape } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";
import { recordChange } from "./audit-trail";

const AUDITED_DEFAULT_PROPERTIES = DEFAULT_POLICY_PROPERTIES.filter((p) => p !== "isServiceDefault");
/** Default-policy entries target the home tenant: the default belongs to no partner. */
const defaultTarget = (input: OpInput) => ({ id: input.tenants.homeTenantId, name: "Default cross-tenant access settings" });

const policyTarget = (input: OpInput) => ({ id: input.tenants.homeTenantId, name: "Cross-tenant access policy" });
const AUDITED_POLICY_PROPERTIES = ["displayName", "allowedCloudEndpoints"] as const;

export const POLICY_SHAPE: QueryShape = { options: ["$select"], typeName: ACCESS_POLICY_TYPE, selectable: ACCESS_POLICY_PROPERTIES };
export const DEFAULT_POLICY_SHAPE: QueryShape = {
  options: ["$select"],
  typeName: "microsoft.graph.crossTenantAccessPolicyConfigurationDefault",
  selectable: DEFAULT_POLICY_PROPERTIES,
};

export function getAccessPolicy({ request, query, store }: OpInput): GraphResponse {
  const policy = { ...store.accessPolicy, definition: [] as string[] };
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, "policies/crossTenantAccessPolicy/$entity"), ...pick(policy, ACCESS_POLICY_PROPERTIES, query.select) },
  };
}

export function patchAccessPolicy(input: OpInput): GraphResponse {
  const { body, store } = input;
  const before = store.accessPolicy;
  store.accessPolicy = { ...before, ...(body as Partial<AccessPolicyRecord>) };
  store.changed();
  recordChange(input, "policyUpdate", policyTarget(input), before, store.accessPolicy, AUDITED_POLICY_PROPERTIES);
  return { status: 204, headers: {} };
}

export function getDefaultPolicy({ request, query, store }: OpInput): GraphResponse {
  return {
    status: 200,
    headers: {},
    body: {
      "@odata.context": contextUrl(request, "policies/crossTenantAccessPolicy/default/$entity"),
      ...pick(store.defaultPolicy, DEFAULT_POLICY_PROPERTIES, query.select),
    },
  };
}

export function patchDefaultPolicy(input: OpInput): GraphResponse {
  const { body, store } = input;
  const before = store.defaultPolicy;
  store.defaultPolicy = { ...before, ...(body as Partial<DefaultPolicyRecord>), isServiceDefault: false };
  store.changed();
  recordChange(input, "defaultUpdate", defaultTarget(input), before, store.defaultPolicy, AUDITED_DEFAULT_PROPERTIES);
  return { status: 204, headers: {} };
}

export function resetDefaultPolicy(input: OpInput): GraphResponse {
  const { store } = input;
  const before = store.defaultPolicy;
  store.defaultPolicy = serviceDefaultPolicy();
  store.changed();
  recordChange(input, "defaultReset", defaultTarget(input), before, store.defaultPolicy, AUDITED_DEFAULT_PROPERTIES);
  return { status: 204, headers: {} };
}
