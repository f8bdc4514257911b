/**
 * The cross-tenant access policy itself (/policies/crossTenantAccessPolicy) and
 * its default configuration (/default): read, PATCH, resetToSystemDefault.
 */
import { DEFAULT_POLICY_PROPERTIES, serviceDefaultPolicy, type DefaultPolicyRecord } from "../model";
import { pick, type QueryShape } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";
import { recordChange } from "./audit-trail";

const AUDITED_DEFAULT_PROPERTIES = DEFAULT_POLICY_PROPERTIES.filter((p) => p !== "isServiceDefault");
/** Default-policy entries target the home tenant: the default belongs to no partner. */
const defaultTarget = (input: OpInput) => ({ id: input.tenants.homeTenantId, name: "Default cross-tenant access settings" });

const POLICY_TYPE = "microsoft.graph.crossTenantAccessPolicy";
const POLICY_PROPERTIES = ["displayName", "definition", "allowedCloudEndpoints"] as const;

export const POLICY_SHAPE: QueryShape = { options: ["$select"], typeName: POLICY_TYPE, selectable: POLICY_PROPERTIES };
export const DEFAULT_POLICY_SHAPE: QueryShape = {
  options: ["$select"],
  typeName: "microsoft.graph.crossTenantAccessPolicyConfigurationDefault",
  selectable: DEFAULT_POLICY_PROPERTIES,
};

export function getAccessPolicy({ request, query }: OpInput): GraphResponse {
  // A tenant that never allowed another cloud has no allowedCloudEndpoints.
  const policy = { displayName: "CrossTenantAccessPolicy", definition: [] as string[], allowedCloudEndpoints: [] as string[] };
  return {
    status: 200,
    headers: {},
    body: { "@odata.context": contextUrl(request, "policies/crossTenantAccessPolicy/$entity"), ...pick(policy, POLICY_PROPERTIES, query.select) },
  };
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
