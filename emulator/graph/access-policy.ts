/**
 * The cross-tenant access policy itself (/policies/crossTenantAccessPolicy) and
 * its default configuration (/default): read, PATCH, resetToSystemDefault.
 */
import { DEFAULT_POLICY_PROPERTIES, serviceDefaultPolicy, type DefaultPolicyRecord } from "../model";
import { pick, type QueryShape } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";

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

export function patchDefaultPolicy({ body, store }: OpInput): GraphResponse {
  store.defaultPolicy = { ...store.defaultPolicy, ...(body as Partial<DefaultPolicyRecord>), isServiceDefault: false };
  store.changed();
  return { status: 204, headers: {} };
}

export function resetDefaultPolicy({ store }: OpInput): GraphResponse {
  store.defaultPolicy = serviceDefaultPolicy();
  store.changed();
  return { status: 204, headers: {} };
}
